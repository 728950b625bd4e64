class CheckoutController {
  constructor(drjs) {
    this.drjs = drjs;
  }

  payByCard(cardElement, owner) {
    const cardPayload = {
      type: 'creditCard',
      owner,
    };
    return this.drjs.createSource(cardElement, cardPayload);
  }

  payByBpay(owner) {
    return window.DigitalRiverInstance.createSource({
      type: 'bPay',
      currency: 'AUD',
      owner,
    });
  }

  async payByPayco(owner) {
    const paycoRequest = {
      type: 'payco',
      amount: this.total,
      owner,
      payco: { returnUrl: this.paycoReturn },
    };
    const result = await digitalRiver
      .createSource(paycoRequest);
    return result.source;
  }
}
