'use strict';

const paycoReturn = 'https://kr.shop.example.com/order/payco/return';

module.exports = function requestPaycoSource(digitalriver, order) {
  const body = {
    type: 'payco',
    currency: 'KRW',
    owner: order.buyer,
    amount: order.amountWon,
    payco: {
      returnUrl: paycoReturn
    }
  };
  return digitalriver.createSource(body);
};
