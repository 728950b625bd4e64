// Subscription checkout: PayPal billing agreement.
function subscribe(drjs, plan) {
  let billingDetails = {
    returnUrl: plan.urls.ok,
    cancelUrl: plan.urls.cancel,
    shippingAmount: 0,
    requestShipping: false
  };
  let agreementRequest = {
    type: 'payPalBilling',
    currency: plan.currency,
    payPal: billingDetails
  };
  return drjs.createSource(agreementRequest);
}
