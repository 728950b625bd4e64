function placeOrder(digitalriver, selected, owner, cardElement) {
  let sourceRequest = {};
  if (selected === 'card') {
    sourceRequest = { type: 'creditCard', sessionId: checkout.payment.session.id, owner };
  } else {
    sourceRequest = {
      type: 'payPal',
      sessionId: checkout.payment.session.id,
      payPal: { returnUrl, cancelUrl },
    };
  }
  return digitalriver.createSource(cardElement, sourceRequest);
}
