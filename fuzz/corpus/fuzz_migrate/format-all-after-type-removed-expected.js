const minimalBpay = {
  type: 'bPay',
  sessionId: checkout.payment.session.id
};

const minimalWire = {
  type: 'wireTransfer',
  sessionId: checkout.payment.session.id,
};

function go(dr) {
  dr.createSource(minimalBpay);
  dr.createSource(minimalWire);
}
