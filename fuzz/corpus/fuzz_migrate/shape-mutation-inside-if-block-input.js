export function klarnaCheckout(digitalriver, cart, shipTo) {
  const klarnaReq = {
    type: 'klarnaCredit',
    klarnaCredit: { returnUrl: cart.urls.ok, cancelUrl: cart.urls.cancel },
  };
  if (cart.discount > 0) {
    klarnaReq.klarnaCredit.discountAmount = cart.discount;
    trackDiscount(cart.discount);
  }
  if (shipTo) {
    console.debug('shipping to', shipTo.name);
    klarnaReq.klarnaCredit['shipping'] = {
      recipient: shipTo.name,
      address: shipTo.address,
    };
  }
  return digitalriver.createSource(klarnaReq);
}
