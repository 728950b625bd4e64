// Subscription sign-up: vault a PayPal billing agreement for the renewal plan.
export async function vaultBillingAgreement(drjs, plan, shopper) {
  let agreementPayload = {
    type: 'payPalBilling',
    sessionId: checkout.payment.session.id,
    payPal: {
      returnUrl: `${window.location.origin}/account/plans/confirm`,
      cancelUrl: `${window.location.origin}/account/plans`
    }
  };

  const outcome = await drjs.createSource(agreementPayload);
  if (outcome.error) {
    return { ok: false, reason: outcome.error.type };
  }
  return { ok: true, redirect: outcome.source.redirect.redirectUrl };
}
