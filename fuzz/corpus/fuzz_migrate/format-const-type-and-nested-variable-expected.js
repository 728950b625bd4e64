const PAYPAL = 'payPal';

const paypalOptions = {
  returnUrl: '/paypal/return',
  cancelUrl: '/paypal/cancel'
};

const paypalPayload = {
  type: PAYPAL,
  sessionId: checkout.payment.session.id,
  payPal: paypalOptions,
};

digitalriver.createSource(paypalPayload);
