// Preview object rendered in the payment picker; never sent to DigitalRiver.
const sourceRequest = {
  type: 'payPal',
  amount: 0,
  currency: 'USD',
  payPal: { returnUrl: '/preview', cancelUrl: '/preview' },
};
renderPreview(sourceRequest);

const DEFAULT_METHOD = 'konbini';

export function flushQueuedSources(dr, queued) {
  for (const sourceRequest of queued) {
    dr.createSource(sourceRequest);
  }
}

export function tryEachMethod(dr, methods, owner) {
  for (const DEFAULT_METHOD of methods) {
    dr.createSource({ type: DEFAULT_METHOD, currency: 'JPY', owner });
  }
}
