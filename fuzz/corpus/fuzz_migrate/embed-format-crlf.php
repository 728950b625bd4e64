<?php $k = "pk"; ?>
<script>
var key = "<?= $k ?>";
// Windows-authored checkout script
function financeWithPayPal(dr, order) {
  var creditPayload = {
    "type": "payPalCredit",
    "amount": order.total, // will be ignored
    "currency": order.currency,

    "payPal": {
      "returnUrl": order.links.ok,
      "cancelUrl": order.links.cancel,
      "requestShipping": true
    }
  };
  return dr.createSource(creditPayload);
}
</script>
