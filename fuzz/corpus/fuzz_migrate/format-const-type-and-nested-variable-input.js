const PAYPAL = 'payPal';

const paypalOptions = {
  returnUrl: '/paypal/return',
  cancelUrl: '/paypal/cancel',
  taxAmount: totals.tax,
  requestShipping: false
};

const paypalPayload = {
  type: PAYPAL,
  currency: totals.currency,
  payPal: paypalOptions,
};

digitalriver.createSource(paypalPayload);
