// Japan storefront: three ways to pay later.
function buildAndSubmit(drjs, choice, cart) {
  var request;
  if (choice === 'konbini') {
    request = {
      type: 'konbini',
      sessionId: checkout.payment.session.id,
      konbini: { storeId: cart.storeId },
    };
  } else if (choice === 'cod') {
    request = { type: 'codJapan', sessionId: checkout.payment.session.id };
  } else {
    request = {
      type: 'wireTransfer',
      sessionId: checkout.payment.session.id,
      owner: cart.owner,
    };
  }
  return drjs.createSource(request);
}
