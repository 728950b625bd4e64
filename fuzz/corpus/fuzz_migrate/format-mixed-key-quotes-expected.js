const expressPayPal = {
  'type': "payPal",
  'sessionId': checkout.payment.session.id,
  payPal: {
    "returnUrl": '/paypal/ok',
    'cancelUrl': "/paypal/no",
  },
};

const storePickup = {
  "type": 'konbini',
  "sessionId": checkout.payment.session.id,
  owner: cart.owner,
  'konbini': { "storeId": pickedStore },
};

const cashOnDelivery = {
  type: "codJapan",
  sessionId: checkout.payment.session.id,
  'owner': cart.owner,
};

export function pay(kind) {
  if (kind === 'paypal') return digitalriver.createSource(expressPayPal);
  if (kind === 'konbini') return digitalriver.createSource(storePickup);
  return digitalriver.createSource(cashOnDelivery);
}
