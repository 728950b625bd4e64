/* Odds and ends that a codemod cannot safely migrate on its own. */
(function (window) {
  'use strict';

  var digitalriver = window.digitalriver;
  var checkout = window.ACME.checkout; // populated by the server-rendered page

  function buildPayload(cart) {
    return {
      type: cart.preferredMethod,
      amount: cart.total,
      currency: cart.currency,
      owner: cart.owner
    };
  }

  function done(result) {
    if (result.error) {
      window.ACME.showError(result.error.errors[0].message);
    } else {
      window.ACME.attachSource(result.source);
    }
  }

  // 1. Payload produced by a helper function.
  window.ACME.quickPay = function (cart) {
    return digitalriver.createSource(buildPayload(cart)).then(done);
  };

  // 2. Payment method chosen at run time.
  window.ACME.payWithSelected = function (cart) {
    var selectedMethod = document.querySelector('input[name="method"]:checked').value;
    var data = {
      type: selectedMethod,
      amount: cart.total,
      currency: cart.currency,
      owner: cart.owner
    };
    data[selectedMethod] = { returnUrl: window.location.origin + '/return' };
    return digitalriver.createSource(data).then(done);
  };

  // 3. Already migrated by the platform team last sprint.
  window.ACME.payPalExpress = function () {
    return digitalriver.createSource({
      sessionId: checkout.payment.session.id,
      type: 'payPal',
      payPal: {
        returnUrl: window.location.origin + '/paypal/return',
        cancelUrl: window.location.origin + '/paypal/cancel'
      }
    }).then(done);
  };

  // 4. Alipay pilot for the CN storefront; not in the vendor's migration guide.
  window.ACME.payWithAlipay = function (cart) {
    var alipayData = {
      type: 'alipay',
      amount: cart.total,
      currency: 'CNY',
      alipay: { returnUrl: window.location.origin + '/alipay/return' }
    };
    return digitalriver.createSource(alipayData).then(done);
  };
})(window);
