// Alipay and a misspelled PayPal are not in the rule table: report, do not touch.
const alipayRequest = {
  type: 'alipay',
  amount: order.total,
  currency: 'CNY',
  alipay: { returnUrl: '/alipay/ok' },
};

const typoRequest = {
  type: 'paypal',
  amount: order.total,
  currency: 'USD',
  payPal: { returnUrl: '/pp/ok', cancelUrl: '/pp/no', items: order.items },
};

digitalriver.createSource(alipayRequest);
digitalriver.createSource(typoRequest);
