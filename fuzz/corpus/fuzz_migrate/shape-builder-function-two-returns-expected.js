function buildSourceData(cart, method) {
  if (method === 'konbini') {
    return { type: 'konbini', sessionId: checkout.payment.session.id, konbini: { storeId: cart.storeId } };
  }
  return {
    type: 'payco',
    sessionId: checkout.payment.session.id,
    payco: { returnUrl: cart.returnUrl },
  };
}

document.querySelector('#pay').addEventListener('click', function () {
  digitalRiver.createSource(buildSourceData(window.cart, selectedMethod())).then(onSource);
});
