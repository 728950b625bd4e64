// Subscription checkout: PayPal billing agreement.
function subscribe(drjs, plan) {
  let billingDetails = {
    returnUrl: plan.urls.ok,
    cancelUrl: plan.urls.cancel
  };
  let agreementRequest = {
    type: 'payPalBilling',
    sessionId: checkout.payment.session.id,
    payPal: billingDetails
  };
  return drjs.createSource(agreementRequest);
}
