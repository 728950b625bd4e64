const dr = DigitalRiver(DR_KEY);

export function payPalExpress(links) {
  // Still on the old PayPal contract until Q3, do not migrate yet.
  // payment-session-migrate-ignore-next-line
  return dr.createSource({ type: 'payPal', amount: cart.total, currency: 'USD', payPal: links });
}

export function payPalCredit(links) {
  return dr.createSource({ type: 'payPalCredit', amount: cart.total, payPal: links }); /* payment-session-migrate-ignore */
}

export function payKonbini(storeId) {
  return dr.createSource({ type: 'konbini', amount: cart.total, konbini: { storeId } });
}

export function payCod() {
  const note = 'payment-session-migrate-ignore-next-line is only text here';
  return dr.createSource({ type: 'codJapan', currency: 'JPY', owner: cart.owner });
}
