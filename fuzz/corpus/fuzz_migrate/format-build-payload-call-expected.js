function buildPayload() {
  return {
    type: 'payPal',
    sessionId: checkout.payment.session.id,
    payPal: { returnUrl: '/pp/ok', cancelUrl: '/pp/cancel' },
  };
}

const buildCardPayload = (owner) => ({ type: 'creditCard', sessionId: checkout.payment.session.id, owner });

digitalriver.createSource(buildPayload()).then(handleSource);
digitalriver.createSource(cardExpiry, buildCardPayload(currentOwner)).then(handleSource);
