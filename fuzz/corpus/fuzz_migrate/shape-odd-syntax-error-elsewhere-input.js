// Half-finished refactor: the coupon helper below does not parse yet.
const drjs = new DigitalRiver(window.drKey);

export function payByKonbini(storeId, total) {
  const request = {
    type: 'konbini',
    amount: total,
    currency: 'JPY',
    konbini: { storeId },
  };
  return drjs.createSource(request);
}

function applyCoupon(code {
  if (!code) return
  return fetch('/coupon/' + code).then((r) => r.json(;
}
