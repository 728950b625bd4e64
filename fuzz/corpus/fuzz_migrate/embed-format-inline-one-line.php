<?php $k = "pk"; ?>
<script>
var key = "<?= $k ?>";
const wireBtn = document.getElementById('wire');
wireBtn.onclick = () => digitalriver.createSource({ type: 'wireTransfer', amount: 99.5, currency: 'EUR', owner: buyer }).then(onSource);

export const payco = (dr, o) => dr.createSource({ type: 'payco', owner: o.owner, payco: { returnUrl: o.back }, amount: o.total });

export const quickPayPal = (dr, links) => dr.createSource({ type: 'payPal', payPal: { returnUrl: links.ok, cancelUrl: links.back, requestShipping: false } });
</script>
