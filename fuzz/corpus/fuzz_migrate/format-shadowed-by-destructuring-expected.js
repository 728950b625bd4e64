// Banner defaults, shown before the shopper picks a plan.
const klarnaDetails = {
  returnUrl: '/klarna/ok',
  cancelUrl: '/klarna/cancel',
  locale: 'en_GB',
};
showKlarnaBanner(klarnaDetails);

const checkoutPayload = { type: 'directDebit', amount: 0, currency: 'EUR' };
logDefaults(checkoutPayload);

export function payWithKlarna(dr, options) {
  const { klarnaDetails, owner } = options;
  return dr.createSource({ type: 'klarnaCredit', sessionId: checkout.payment.session.id, owner, klarnaCredit: klarnaDetails });
}

export function payFromState(dr, { checkoutPayload }) {
  return dr.createSource(checkoutPayload);
}
