const expressPayPal = {
  'type': "payPal",
  amount: cart.total,
  "currency": 'USD',
  payPal: {
    "returnUrl": '/paypal/ok',
    'cancelUrl': "/paypal/no",
    'items': [],
    shippingAmount: cart.freight,
  },
};

const storePickup = {
  "type": 'konbini',
  'amount': cart.total,
  owner: cart.owner,
  'konbini': { "storeId": pickedStore },
};

const cashOnDelivery = {
  type: "codJapan",
  "currency": "JPY",
  'owner': cart.owner,
};

export function pay(kind) {
  if (kind === 'paypal') return digitalriver.createSource(expressPayPal);
  if (kind === 'konbini') return digitalriver.createSource(storePickup);
  return digitalriver.createSource(cashOnDelivery);
}
