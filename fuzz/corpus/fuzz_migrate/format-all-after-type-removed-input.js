const minimalBpay = {
  type: 'bPay',
  amount: 42,
  currency: 'AUD'
};

const minimalWire = {
  type: 'wireTransfer',
  currency: 'EUR',
  amount: 310,
};

function go(dr) {
  dr.createSource(minimalBpay);
  dr.createSource(minimalWire);
}
