function payLater(dr, cart, extraFields) {
  var konbiniPayload = { type: 'konbini', konbini: { storeId: cart.storeId } };
  Object.assign(konbiniPayload, extraFields);
  return dr.createSource(konbiniPayload);
}

function payWithSwitchedMethod(dr, cart, method) {
  var request = {
    type: 'payco',
    owner: cart.owner,
  };
  request.type = method;
  return dr.createSource(request);
}

function payPalWithDetails(dr, cart) {
  var ppRequest = {
    type: 'payPal',
    payPal: { returnUrl: cart.ok, cancelUrl: cart.cancel },
  };
  ppRequest.payPal = { returnUrl: cart.ok, cancelUrl: cart.cancel, items: cart.items };
  return dr.createSource(ppRequest);
}
