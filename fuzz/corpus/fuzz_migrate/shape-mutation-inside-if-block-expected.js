export function klarnaCheckout(digitalriver, cart, shipTo) {
  const klarnaReq = {
    type: 'klarnaCredit',
    sessionId: checkout.payment.session.id,
    klarnaCredit: { returnUrl: cart.urls.ok, cancelUrl: cart.urls.cancel },
  };
  if (cart.discount > 0) {
    trackDiscount(cart.discount);
  }
  if (shipTo) {
    console.debug('shipping to', shipTo.name);
  }
  return digitalriver.createSource(klarnaReq);
}
