function payByDirectDebit(dr, cart) {
  const sepa = {
    type: 'directDebit',
    directDebit: { returnUrl: cart.urls.sepa },
  };
  if (cart.currency) sepa.currency = cart.currency;
  return dr.createSource(sepa);
}

function payByWire(dr, cart) {
  const wire = {
    type: 'wireTransfer',
    owner: cart.owner,
  };
  wire.amount = computeGrandTotal(cart);
  return dr.createSource(wire);
}
