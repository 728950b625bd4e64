<script>
  var dr = new DigitalRiver('<?= $drKey ?>');
  var konbiniRequest = { type: 'konbini', sessionId: checkout.payment.session.id, konbini: { storeId: '<?= $storeId ?>' } };
  var paypalRequest = {
    type: 'payPal',
    <?php if ($sendTotals): ?>
    amount: <?= $total ?>,
    currency: '<?= $currency ?>',
    <?php endif; ?>
    payPal: { returnUrl: '<?= $okUrl ?>', cancelUrl: '<?= $cancelUrl ?>' }
  };
  $('#konbini').on('click', function () { dr.createSource(konbiniRequest); });
  $('#paypal').on('click', function () { dr.createSource(paypalRequest); });
</script>
