'use strict';

const PAYCO_REQUEST = {
  type: 'payco',
  sessionId: checkout.payment.session.id,
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
