// Subscription sign-up: vault a PayPal billing agreement for the renewal plan.
export async function vaultBillingAgreement(drjs, plan, shopper) {
  let agreementPayload = {
    type: 'payPalBilling',
    currency: plan.currency,
    amount: plan.firstInvoiceTotal,
    payPal: {
      items: [
        { name: plan.label, quantity: 1, unitAmount: plan.price },
      ],
      returnUrl: `${window.location.origin}/account/plans/confirm`,
      requestShipping: false,
      cancelUrl: `${window.location.origin}/account/plans`,
      shipping: {
        recipient: shopper.displayName,
        address: shopper.billingAddress
      }
    }
  };

  const outcome = await drjs.createSource(agreementPayload);
  if (outcome.error) {
    return { ok: false, reason: outcome.error.type };
  }
  return { ok: true, redirect: outcome.source.redirect.redirectUrl };
}
