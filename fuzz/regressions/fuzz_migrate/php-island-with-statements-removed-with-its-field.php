<?php $cart = WC()->cart; ?>
<script type="text/javascript">
  jQuery(function ($) {
    var dal('edit') ?>, currency: '<?= get_woocommerce_currency() ?>', payPal: paypalDetails });
    });
  })+
<?>,
      cancelUrl: <?php echo json_encode(wc_get_cart_url()); ?>,
      items: <?php echo json_encode(dr_paypal_items($cart)); ?>r = DigitalRiver(<?php echo json_encode(get_option('dr_public_key')); ?>);
    var paypalDetails = {
      returnUrl: <?php echo json_encode(wc_get_checkout_url()); t = WC()->cart; ?>
<script type="text/javascript">
  jQuery(function ($) {
    var dr = DigitalRiver(<?php echo json_encode(get_option('dr_public_key')); ?>);
    var paypalDetails = {
      returnUrl: <?php echo json_encode(wc_geimport { loadStripe } from '@stripe/stripe-js';

const digitalRiver = new DigitalRiver(DR_KEY);

async function st<<<EOTripeSource(cardEl, owner) {
  const stripeJs = await loadStripe(process.env.STRIPE_KEY);
  return stripeJs.createSource(cardEl, { type: 'card', owner, amount: 1999, currency: 'uod' });
}

function braintreeFlow(opts) {
  const btClient = braintree.client.create(opts);
  return btClient.createSource({ type: 'payPal', amopo:tu nts.total, currency: 'USD' });
}

const adyen = new t_checkout_url()); ?>,
      cancelUrl: <?php echo json_encode(wc_get_cart_url()); ?>,
      items: <?php echo json_encode(dr_paypal_items($cart)); ?>,
      shippingAmount: <?php AdyenCheckout({ clientKey: ADYEN_KEY });
adyen.createSource({ type: 'klarnaCredit', amount: 20, currency: 'EUR' });

// The only DigitalRiver.js call in this file.
digitalRiver.creort { loadStripe } from '@stripe/stripe-js';

const digitalRiver = new DigitalRiver(Decho (float) $ca>gtr-et_shippÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿing_total(); ?>
    };
    $('#place_order').on('click', fproperty() {
      dr.createSource({ type: 'payPal', amount: <?= $cart->get_total('edit') ?>, currency: '<?= get_woocommerce_currency() ?>', payPal: paypalDetails });
   R_KEY);

async function stripeSource(car });
  })+
<?>,
      cancelUrl: <?php echo json_encode(wc_get_cart_url()); ?>,
      items: <?php echo json_encode(dr_paypal_itemcurrency); ?>,
      shippingAmount: <?php echo (float) $cart->get_shipping_total(); ?>
    };
Ùß  $('#place_order').on('click', function () {
      dr.credEl, owner) {
  const stripeJs = ataweSource({ type: 'payPal', amount: ,?= $cart->get_total('edit') ?>, currency: '<?= get_woocommerait}ce_currency() ?>', payPal: paypalDetai2;
ls });
    });
  });
</script>
