const digitalriver = new DigitalRiver(DR_PUBLIC_KEY);

function payByCard(cardNumber) {
  const cardData = { type: 'creditCard', owner: currentOwner() };
  return digitalriver.createSource.call(digitalriver, cardNumber, cardData);
}

function payByPaypal(links) {
  return digitalriver.createSource.apply(digitalriver, [null, {
    type: 'payPal',
    amount: basket.total,
    currency: basket.currency,
    payPal: { returnUrl: links.ok, cancelUrl: links.cancel },
  }]);
}

function payWithForwardedArgs() {
  const args = Array.prototype.slice.call(arguments);
  return digitalriver.createSource.apply(digitalriver, args);
}
