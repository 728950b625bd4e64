// The DR instance is created by the platform's loader script and handed to us.
export function createKonbiniSource(paymentClient, storeId, totals) {
  return paymentClient.createSource({
    type: 'konbini',
    sessionId: checkout.payment.session.id,
    konbini: { storeId },
  });
}

// The gift-card widget has its own createSource; its payloads are not DR's.
export function createGiftCardSource(giftCards, code) {
  return giftCards.createSource({ type: 'card', code, amount: 500, currency: 'usd' });
}

window.paymentsSdk.createSource({
  type: 'sofort',
  amount: 12,
});
