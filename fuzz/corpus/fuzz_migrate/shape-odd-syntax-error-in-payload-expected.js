const digitalriver = new DigitalRiver(DR_KEY);

function payByWire(owner, total) {
  return digitalriver.createSource({
    type: 'wireTransfer',
    amount: total
    currency: 'EUR',
    owner: owner,
  });
}

function payByCard(cardNumber, owner) {
  return digitalriver.createSource(cardNumber, { type: 'creditCard', sessionId: checkout.payment.session.id, owner: owner });
}
