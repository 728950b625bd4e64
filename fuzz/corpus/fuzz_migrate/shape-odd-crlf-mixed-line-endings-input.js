// Checkout for the Korean store (edited on Windows)
var dr = new DigitalRiver(KR_KEY);

function payByBank(owner) {
  var req = {
    type: 'bankTransfer',
    amount: krCart.total,
    currency: 'KRW',
    owner: owner,
    bankTransfer: { returnUrl: '/kr/return' }
  };
  return dr.createSource(req);
}

function payByPayco(owner) {
  return dr.createSource({
    type: 'payco',
    amount: krCart.total,
    owner: owner
  });
}
