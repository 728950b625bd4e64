const directDebitPayload = {
  type: 'directDebit',
  amount: basket.total,
  currency: 'EUR',
  owner: basket.owner,
  directDebit: { returnUrl: '/sepa/return' },
};

export function firstAttempt() {
  return digitalriver.createSource(directDebitPayload);
}

export function retryAfterError() {
  // same request, second chance
  return digitalriver.createSource(directDebitPayload);
}
