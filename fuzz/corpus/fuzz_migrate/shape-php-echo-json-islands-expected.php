<?php $cart = WC()->cart; ?>
<script type="text/javascript">
  jQuery(function ($) {
    var dr = DigitalRiver(<?php echo json_encode(get_option('dr_public_key')); ?>);
    var paypalDetails = {
      returnUrl: <?php echo json_encode(wc_get_checkout_url()); ?>,
      cancelUrl: <?php echo json_encode(wc_get_cart_url()); ?>
    };
    $('#place_order').on('click', function () {
      dr.createSource({ type: 'payPal', sessionId: checkout.payment.session.id, payPal: paypalDetails });
    });
  });
</script>
