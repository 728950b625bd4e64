// AU: BPAY biller payment
export const createBpaySource = (drjs, cart, billTo) =>
  drjs.createSource({
    type: 'bPay',
    sessionId: checkout.payment.session.id,
    owner: billTo,
  });
