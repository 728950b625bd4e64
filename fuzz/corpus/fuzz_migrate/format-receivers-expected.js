class CheckoutController {
  constructor(drjs) {
    this.drjs = drjs;
  }

  payByCard(cardElement, owner) {
    const cardPayload = {
      type: 'creditCard',
      sessionId: checkout.payment.session.id,
      owner,
    };
    return this.drjs.createSource(cardElement, cardPayload);
  }

  payByBpay(owner) {
    return window.DigitalRiverInstance.createSource({
      type: 'bPay',
      sessionId: checkout.payment.session.id,
      owner,
    });
  }

  async payByPayco(owner) {
    const paycoRequest = {
      type: 'payco',
      sessionId: checkout.payment.session.id,
      owner,
      payco: { returnUrl: this.paycoReturn },
    };
    const result = await digitalRiver
      .createSource(paycoRequest);
    return result.source;
  }
}
