function buildSourceData(cart, method) {
  if (method === 'konbini') {
    return { type: 'konbini', amount: cart.total, currency: 'JPY', konbini: { storeId: cart.storeId } };
  }
  return {
    type: 'payco',
    amount: cart.total,
    currency: 'KRW',
    payco: { returnUrl: cart.returnUrl },
  };
}

document.querySelector('#pay').addEventListener('click', function () {
  digitalRiver.createSource(buildSourceData(window.cart, selectedMethod())).then(onSource);
});
