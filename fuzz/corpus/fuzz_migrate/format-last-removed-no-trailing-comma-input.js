export function bankTransferSource(dr, ctx) {
  const payload = {
    type: 'bankTransfer',
    owner: ctx.owner,
    bankTransfer: {
      returnUrl: ctx.returnUrl
    },
    currency: 'KRW',
    amount: ctx.amountWon
  };
  return dr.createSource(payload);
}

export function paypalSource(dr, ctx) {
  return dr.createSource({
    type: 'payPal',
    payPal: {
      returnUrl: ctx.ok,
      cancelUrl: ctx.cancel, // shopper backed out
      items: ctx.lines
    }
  });
}
