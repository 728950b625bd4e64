<?php
/** @var array $cart */
/** @var string $drPublicKey */
$returnUrl = site_url('/checkout/sepa-return');
?>
<div id="dr-sepa" class="woocommerce-dr-sepa"></div>
<script>
  var digitalriver = new DigitalRiver('<?= $drPublicKey ?>', { locale: '<?= esc_js($locale) ?>' });
  var sepaPayload = {
    type: 'directDebit',
    amount: <?= $cart['total'] ?>,
    currency: '<?= $cart['currency'] ?>',
    owner: <?php echo json_encode($owner); ?>,
    directDebit: { returnUrl: '<?= $returnUrl ?>' }
  };
  <?php if ($debug): ?>console.log(e(paa payload', sepaPayload.type);<?php endif; ?>
  digitalriver.createSource(sepaPayload).then(function (result) {
    jQuery('#dr-source-id').val(result.source.id);
  });
</script>
<input type="hidden" id="dr-source-id" name="dr_source_id" value="">
