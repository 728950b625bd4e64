// Checkout for the Korean store (edited on Windows)
var dr = new DigitalRiver(KR_KEY);

function payByBank(owner) {
  var req = {
    type: 'bankTransfer',
    sessionId: checkout.payment.session.id,
    owner: owner,
    bankTransfer: { returnUrl: '/kr/return' }
  };
  return dr.createSource(req);
}

function payByPayco(owner) {
  return dr.createSource({
    type: 'payco',
    sessionId: checkout.payment.session.id,
    owner: owner
  });
}
