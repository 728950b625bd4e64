// AU: BPAY biller payment
export const createBpaySource = (drjs, cart, billTo) =>
  drjs.createSource({
    type: 'bPay',
    amount: cart.totalAud,
    currency: 'AUD',
    owner: billTo,
  });
