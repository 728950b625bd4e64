<?php $k = "pk"; ?>
<script>
var key = "<?= $k ?>";
/* PayPal express button handler */
function startPayPal(drClient, basket) {
  var paypalSource = {
    "type": "payPal",
    "amount": basket.grandTotal,
    "currency": basket.currencyCode,
    "payPal": {
      "returnUrl": location.origin + "/checkout/paypal/return",
      "cancelUrl": location.origin + "/checkout/paypal/cancel",
      "items": basket.lines.map(function (line) {
        return { "name": line.title, "quantity": line.qty, "unitAmount": line.price };
      }),
      "taxAmount": basket.tax,
      "shippingAmount": basket.freight,
      "amountsEstimated": false,
      "requestShipping": false,
      "shipping": {
        "recipient": basket.shipTo.fullName,
        "phoneNumber": basket.shipTo.phone,
        "address": basket.shipTo.address
      }
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
</script>
