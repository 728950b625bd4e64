// checkout/payment.js: DigitalRiver.js for SEPA, Stripe for the legacy gift-card flow
const drPublicKey = document.querySelector('meta[name="dr-key"]').content;
const dr = DigitalRiver(drPublicKey, { locale: 'de_DE' });
const stripe = Stripe(window.STRIPE_PK);

export function payWithSepa(owner, basket) {
  return dr.createSource({
    type: 'directDebit',
    owner: owner,
    amount: basket.grandTotal,
    currency: basket.currency,
    directDebit: { returnUrl: basket.urls.sepaReturn },
  });
}

export function payGiftCardWithStripe(cardElement, owner, basket) {
  // Stripe's own createSource: same name, different library.
  return stripe.createSource(cardElement, {
    type: 'card',
    owner: owner,
    amount: basket.grandTotal,
    currency: basket.currency,
  });
}
