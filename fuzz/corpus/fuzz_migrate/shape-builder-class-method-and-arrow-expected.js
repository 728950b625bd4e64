const wirePayload = (order) => ({
  type: 'wireTransfer',
  sessionId: checkout.payment.session.id,
  owner: order.owner,
});

export class CheckoutPage {
  constructor(dr, order) {
    this.dr = dr;
    this.order = order;
  }

  buildBankTransfer() {
    return {
      type: 'bankTransfer',
      sessionId: checkout.payment.session.id,
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
