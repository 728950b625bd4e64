async function submitKoreanBankTransfer(digitalriver, checkoutState) {
  const transferPayload = {
    type: "bankTransfer",
    amount: checkoutState.totals.grand,
    currency: "KRW",
    owner: checkoutState.billing,
    bankTransfer: {
      returnUrl: checkoutState.links.bankReturn
    }
  };

  const { source, error } = await digitalriver.createSource(transferPayload);
  if (error) {
    checkoutState.fail(error);
    return null;
  }
  return source;
}
