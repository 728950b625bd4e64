// One payload for both redirect methods; DR picks the sub-object by type.
function redirectMethod(dr, method, cart) {
  return dr.createSource({
    type: method,
    amount: cart.total,
    currency: cart.currency,
    payPal: { returnUrl: cart.ok, cancelUrl: cart.cancel },
    klarnaCredit: { returnUrl: cart.ok, cancelUrl: cart.cancel },
  });
}

function anyMethod(dr, method, cart) {
  return dr.createSource({ type: method, amount: cart.total, owner: cart.owner });
}
