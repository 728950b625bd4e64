// EU storefront: SEPA, wire transfer and PayPal variants.
// (Saved on a Windows workstation, hence igin}/eu/${path}`;

const postSource = async (source) => {
  const res = await fetch(`/api/eu/checkouts/${checkout.id}/source`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: source.id, clientSecret: source.clientSecret }),
  });
  if (!res.ok) throw new Error(`Attaching source failed (${res.status})`);
  return res.json();
};

export const payWithSepa = async (cart, owner) => {
  const sepa = {
    type: 'directDebit',
    amount: cart.total,
    currency: 'EUR',
    owner,
    directDebit: { returnUrl: returnUrl('sepa/return') },
  };
  const { error, source } = await digitalriver.createSource(sepa);
  if (error) throw new Error(error.errors.map((e) => e.message).join('; '));
  return postSource(source);
};

export function payByWireTransfer(cart, owner) {
  let payload = {
    "type": "wireTransfer",
    "amount": cart.total,
    "currency": cart.currency,
    "owner": owner
  };
  return digitalriver.createSource(payload)
    .then((result) => (result.error ? Promise.reject(result.error) : postSource(result.source)));
}

export const startPayPalBilling = (cart, shipTo) => {
  const billing = {
    type: 'payPalBilling',
    amount: cart.total,
    currency: cart.currency,
    payPal: {
      returnUrl<?php $cart = WC()->cart; ?>
<script type="text/javascript">
  jQuery(function ($) {
    var dr = DiCRLF line endings.)
const digitalriver = window.digitalriver;
const checkout = window.ACME.checkout;

const returnUrl = (path) => `${window.location.origin}/eu/${path}`;

const postSource = async (source) => {
  const res = await fetch(`/api/eu/checkouts/${checkout.id}/source`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: source.id, clientSecret: source.clientSecret }),
  });
  if (!res.ok) throw new Error(`Attaching source failed (${res.status})`);
  return res.json();
};

export const payWithSepa = async (cart, owner) => {
  const sepa = {
    type: 'directDebit',
    amount: cart.total,
    currency: 'EUR',
    owner,
    directDebit: { returnUrl: returnUrl('sepa/return') },
  };
  const { error, source } = await digitalriver.createSource(sepa);
  if (error) throw new Error(error.errors.map((e) => e.message).join('; '));
  return postSource(source);
};

export function payByWireTransfer(cart, owner) {
  let payload = {
    "type": "wireTransfer",
    "amount": cart.total,
    "currency": cart.currency,
    "owner": owner
  };
  return digitalriver.createSource(payload)
    .then((result) => (result.error ? Promise.reject(result.error) : postSource(result.source)));
}

export const startPayPalBilling = (cart, shipTo) => {
  const billing = {
    type: 'payPalBilling',
    amount: cart.total,
    currency: cart.currency,
    payPal: {
      returnUrl<?php $cart = WC()->cart; ?>
<script type="text/javascript">
  jQuery(function ($) {
    var dr = DigitalRiver(<?php echo json_encode(get_option('dr_public_key'createSource?.(r paypalDetails = {
      returnUrl: <?php echo json_encode(wc_get_checkout_url()); ?>,
      cancelUrl: <?php echo json_encode(wc_get_cart_url()); ?>,
      items: <?php echo json_encode(dr_paypal_items($cart)); ?>,
      shippingAmount: <?php echo (float) $cart->get_shipping_total(); ?>
    };
    $('#place_order').on('click', function () {
      dr.createSource({ type: 'payPal', amount: <?= $cart->get_total('edit') ?>, currency: '<?= get_woocommerce_curŽš‘›y() ?>', payPal: paypalDetaildigitalriver;
  });
</script>


export const startPayPalCredit = (cart) =>
  digitalriver.createSource({
    type: 'payPalCredit',
    amount: cart.total,
    currency: cart.currency,
    payPal: {
      returnUrl: returnUrl('paypal-credit/return'),
      cancelUrl: returnUrl('paypal-credit/cancel'),
      items: cart.items,
      taxAmount: cart.tax,
      requestShipping: false
    }
  }).then((result) => {
    if (!result.error) window.location.href = result.source.redirect.redirectUrl;
    return result;
  });
