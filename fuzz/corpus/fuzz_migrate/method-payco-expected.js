'use strict';

const paycoReturn = 'https://kr.shop.example.com/order/payco/return';

module.exports = function requestPaycoSource(digitalriver, order) {
  const body = {
    type: 'payco',
    sessionId: checkout.payment.session.id,
    owner: order.buyer,
    payco: {
      returnUrl: paycoReturn
    }
  };
  return digitalriver.createSource(body);
};
