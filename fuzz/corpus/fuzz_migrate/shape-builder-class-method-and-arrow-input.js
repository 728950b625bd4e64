const wirePayload = (order) => ({
  type: 'wireTransfer',
  owner: order.owner,
  amount: order.total,
  currency: order.currency,
});

export class CheckoutPage {
  constructor(dr, order) {
    this.dr = dr;
    this.order = order;
  }

  buildBankTransfer() {
    return {
      type: 'bankTransfer',
      currency: 'KRW',
      amount: this.order.total,
      bankTransfer: { returnUrl: this.order.urls.back },
    };
  }

  submitBankTransfer() {
    return this.dr.createSource(this.buildBankTransfer());
  }

  submitWire() {
    return this.dr.createSource(wirePayload(this.order));
  }
}
