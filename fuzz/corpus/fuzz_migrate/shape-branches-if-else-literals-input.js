function placeOrder(digitalriver, selected, owner, cardElement) {
  let sourceRequest = {};
  if (selected === 'card') {
    sourceRequest = { type: 'creditCard', owner };
  } else {
    sourceRequest = {
      type: 'payPal',
      amount: cartTotal,
      currency: 'USD',
      payPal: { returnUrl, cancelUrl, items: lineItems },
    };
  }
  return digitalriver.createSource(cardElement, sourceRequest);
}
