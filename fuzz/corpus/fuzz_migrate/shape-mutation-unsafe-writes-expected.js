function payLater(dr, cart, extraFields) {
  var konbiniPayload = { type: 'konbini', sessionId: checkout.payment.session.id, konbini: { storeId: cart.storeId } };
  Object.assign(konbiniPayload, extraFields);
  return dr.createSource(konbiniPayload);
}

function payWithSwitchedMethod(dr, cart, method) {
  var request = {
    type: 'payco',
    sessionId: checkout.payment.session.id,
    owner: cart.owner,
  };
  request.type = method;
  return dr.createSource(request);
}

function payPalWithDetails(dr, cart) {
  var ppRequest = {
    type: 'payPal',
    sessionId: checkout.payment.session.id,
    payPal: { returnUrl: cart.ok, cancelUrl: cart.cancel },
  };
  ppRequest.payPal = { returnUrl: cart.ok, cancelUrl: cart.cancel, items: cart.items };
  return dr.createSource(ppRequest);
}
