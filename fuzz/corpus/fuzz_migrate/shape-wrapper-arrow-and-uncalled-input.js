const dr = DigitalRiver(window.DR_KEY);

const sourceFor = (payload) => dr.createSource(payload);

// Exported for the legacy checkout bundle; nobody calls it here.
export function createSourceFromPayload(payload) {
  return dr.createSource(payload);
}

export function payBpay(owner, total) {
  return sourceFor({ type: 'bPay', owner, amount: total, currency: 'AUD' });
}
