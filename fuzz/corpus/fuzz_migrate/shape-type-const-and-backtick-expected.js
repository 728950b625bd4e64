const PAYPAL = 'payPal';
const METHODS = { konbini: 'konbini' };

function paypalButton(dr, cart) {
  return dr.createSource({
    type: PAYPAL,
    sessionId: checkout.payment.session.id,
    payPal: {
      returnUrl: cart.urls.ok,
      cancelUrl: cart.urls.cancel,
    },
  });
}

function codButton(dr, cart) {
  return dr.createSource({
    type: `codJapan`,
    sessionId: checkout.payment.session.id,
    owner: cart.owner,
  });
}
