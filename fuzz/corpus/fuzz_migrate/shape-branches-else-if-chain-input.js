// Japan storefront: three ways to pay later.
function buildAndSubmit(drjs, choice, cart) {
  var request;
  if (choice === 'konbini') {
    request = {
      type: 'konbini',
      amount: cart.total,
      currency: 'JPY',
      konbini: { storeId: cart.storeId },
    };
  } else if (choice === 'cod') {
    request = { type: 'codJapan', amount: cart.total, currency: 'JPY' };
  } else {
    request = {
      type: 'wireTransfer',
      currency: 'JPY',
      owner: cart.owner,
    };
  }
  return drjs.createSource(request);
}
