// The type is filled in by the DR proxy on the server, older code omitted it.
function klarnaRecurring(drjs, sub) {
  return drjs.createSource({
    owner: sub.owner,
    amount: sub.price,
    currency: sub.currency,
    klarnaCreditRecurring: {
      returnUrl: sub.urls.ok,
      cancelUrl: sub.urls.cancel,
      subscriptionDescription: sub.planName,
      autoRenewal: true,
    },
  });
}

function klarnaFromRadio(drjs, form, cart) {
  return drjs.createSource({
    type: form.elements.method.value,
    currency: cart.currency,
    klarnaCredit: { returnUrl: cart.ok, cancelUrl: cart.cancel, locale: cart.locale },
  });
}
