(function (global) {
  'use strict';

  var membership = global.membershipCart;

  var billingRequest = {
    type: 'payPalBilling',
    amount: membership.total,
    currency: 'GBP',
    payPalBilling: {
      returnUrl: 'https://members.example-shop.co.uk/paypal/ok',
      cancelUrl: 'https://members.example-shop.co.uk/paypal/abort',
      taxAmount: membership.vat,
      shippingAmount: 0,
      amountsEstimated: true,
      items: membership.lines,
    },
  };

  global.dr.createSource(billingRequest).then(function (resp) {
    global.membershipFlow.next(resp);
  });
})(window);
