function setupDirectDebit(dr, shopper) {
  const debitData = {
    type: 'directDebit',
    amount: shopper.cartTotal,
    currency: 'EUR',
    owner: shopper.owner,
    directDebit: { returnUrl: '/checkout/sepa/return' }
  };

  function onConfirm() {
    if (!shopper.acceptedMandate) {
      return Promise.reject(new Error('mandate not accepted'));
    }
    return dr.createSource(debitData);
  }

  return { onConfirm };
}
