function payByDirectDebit(dr, cart) {
  const sepa = {
    type: 'directDebit',
    sessionId: checkout.payment.session.id,
    directDebit: { returnUrl: cart.urls.sepa },
  };
  if (cart.currency) sepa.currency = cart.currency;
  return dr.createSource(sepa);
}

function payByWire(dr, cart) {
  const wire = {
    type: 'wireTransfer',
    sessionId: checkout.payment.session.id,
    owner: cart.owner,
  };
  wire.amount = computeGrandTotal(cart);
  return dr.createSource(wire);
}
