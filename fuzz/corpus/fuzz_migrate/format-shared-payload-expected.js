const directDebitPayload = {
  type: 'directDebit',
  sessionId: checkout.payment.session.id,
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
