<?php $cart = WC()->cart; ?>
<script type="text/javascript">
  jQuery(function ($) {
    var dr = DigitalRiver(<?php echo json_encode(get_option('dr_public_key')); ?>);
    var paypalDetails = {
      returnUrl: <?php echo json_encode(wc_get_checkout_url()); ?>,
      cancelUrl: <?php echo json_encode(wc_get_cart_url()); ?>,
      items: <?php echo json_encode(dr_paypal_items($cart)); ?>,
      shippingAmount: <?php echo (float) $cart->get_shipping_total(); ?>
    };
    $('#place_order').on('click', function () {
      dr.createSource({ type: 'payPal', amount: <?= $cart->get_total('edit') ?>, currency: '<?= get_woocommerce_currency() ?>', payPal: paypalDetails });
    });
  });
</script>
