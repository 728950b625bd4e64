// The type is filled in by the DR proxy on the server, older code omitted it.
function klarnaRecurring(drjs, sub) {
  return drjs.createSource({
    sessionId: checkout.payment.session.id,
    owner: sub.owner,
    klarnaCreditRecurring: {
      returnUrl: sub.urls.ok,
      cancelUrl: sub.urls.cancel,
    },
  });
}

function klarnaFromRadio(drjs, form, cart) {
  return drjs.createSource({
    type: form.elements.method.value,
    sessionId: checkout.payment.session.id,
    klarnaCredit: { returnUrl: cart.ok, cancelUrl: cart.cancel },
  });
}
