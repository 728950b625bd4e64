(function (global) {
  'use strict';

  var membership = global.membershipCart;

  var billingRequest = {
    type: 'payPalBilling',
    sessionId: checkout.payment.session.id,
    payPalBilling: {
      returnUrl: 'https://members.example-shop.co.uk/paypal/ok',
      cancelUrl: 'https://members.example-shop.co.uk/paypal/abort',
    },
  };

  global.dr.createSource(billingRequest).then(function (resp) {
    global.membershipFlow.next(resp);
  });
})(window);
