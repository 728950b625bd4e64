'use strict';

const PAYCO_REQUEST = {
  type: 'payco',
  currency: 'KRW',
  amount: window.__CART__.total,
  payco: { returnUrl: `${location.origin}/checkout/payco/return` },
};

module.exports = class PaycoButton {
  constructor(drInstance, el) {
    this.dr = drInstance;
    el.addEventListener('click', () => this.pay());
  }

  async pay() {
    const { source, error } = await this.dr.createSource(PAYCO_REQUEST);
    return error ? this.fail(error) : this.succeed(source);
  }
};
