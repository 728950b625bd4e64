export default class DrCheckout {
  constructor(apiKey, locale) {
    this.locale = locale;
    this.drjs = new DigitalRiver(apiKey, { locale });
    this.stripeClient = Stripe(window.stripeKey);
  }

  createPayPalSource(cart) {
    return this.drjs.createSource({
      type: 'payPalCredit',
      amount: cart.total,
      currency: cart.currency,
      payPal: {
        returnUrl: cart.links.back,
        cancelUrl: cart.links.cancel,
        items: cart.lines,
        taxAmount: cart.tax,
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
    return this.dr.createSource({ type: 'bankTransfer', owner, amount: this.total, bankTransfer: { returnUrl: '/kr/back' } });
  }
}
