function payPalCheckout(digitalriver, cart) {
  var paypalRequest = {
    type: 'payPal',
    payPal: {
      returnUrl: cart.urls.ok,
      cancelUrl: cart.urls.cancel,
      items: []
    }
  };
  cart.lines.forEach(function (line) {
    paypalRequest.payPal.items.push({ name: line.name, quantity: line.qty, unitAmount: line.price });
  });
  return digitalriver.createSource(paypalRequest);
}
