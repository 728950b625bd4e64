/* PayPal express button handler */
function startPayPal(drClient, basket) {
  var paypalSource = {
    "type": "payPal",
    "sessionId": checkout.payment.session.id,
    "payPal": {
      "returnUrl": location.origin + "/checkout/paypal/return",
      "cancelUrl": location.origin + "/checkout/paypal/cancel"
    }
  };

  drClient.createSource(paypalSource).then(function (result) {
    if (result.error) {
      showPaymentError(result.error);
      return;
    }
    redirectTo(result.source.redirect.redirectUrl);
  });
}
