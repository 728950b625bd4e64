export default class DrCheckout {
  constructor(apiKey, locale) {
    this.locale = locale;
    this.drjs = new DigitalRiver(apiKey, { locale });
    this.stripeClient = Stripe(window.stripeKey);
  }

  createPayPalSource(cart) {
    return this.drjs.createSource({
      type: 'payPalCredit',
      sessionId: checkout.payment.session.id,
      payPal: {
        returnUrl: cart.links.back,
        cancelUrl: cart.links.cancel,
      },
    });
  }

  createLegacyCardSource(element) {
    return this.stripeClient.createSource(element, { type: 'card', currency: 'usd' });
  }
}

export class MiniCart {
  dr = window.DigitalRiver(MINICART_KEY);

  quickPay(owner) {
    return this.dr.createSource({ type: 'bankTransfer', sessionId: checkout.payment.session.id, owner, bankTransfer: { returnUrl: '/kr/back' } });
  }
}
