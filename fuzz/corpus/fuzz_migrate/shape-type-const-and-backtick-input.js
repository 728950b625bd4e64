const PAYPAL = 'payPal';
const METHODS = { konbini: 'konbini' };

function paypalButton(dr, cart) {
  return dr.createSource({
    type: PAYPAL,
    amount: cart.total,
    currency: cart.currency,
    payPal: {
      returnUrl: cart.urls.ok,
      cancelUrl: cart.urls.cancel,
      amountsEstimated: true,
    },
  });
}

function codButton(dr, cart) {
  return dr.createSource({
    type: `codJapan`,
    amount: cart.total,
    owner: cart.owner,
  });
}
