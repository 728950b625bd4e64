function buildPayload() {
  return {
    type: 'payPal',
    amount: cart.total,
    currency: cart.currency,
    payPal: { returnUrl: '/pp/ok', cancelUrl: '/pp/cancel', requestShipping: true },
  };
}

const buildCardPayload = (owner) => ({ type: 'creditCard', owner });

digitalriver.createSource(buildPayload()).then(handleSource);
digitalriver.createSource(cardExpiry, buildCardPayload(currentOwner)).then(handleSource);
