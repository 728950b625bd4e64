import { dr, cardNumber } from './dr-setup';

export function createSourceFor(method, cart) {
  switch (method) {
    case 'card':
      return dr.createSource(cardNumber, {
        type: 'creditCard',
        sessionId: checkout.payment.session.id,
        owner: cart.owner,
      });
    case 'paypal':
      return dr.createSource({
        type: 'payPal',
        sessionId: checkout.payment.session.id,
        payPal: { returnUrl: cart.urls.ok, cancelUrl: cart.urls.cancel },
      });
    case 'konbini': {
      const konbiniRequest = {
        type: 'konbini',
        sessionId: checkout.payment.session.id,
        owner: cart.owner,
        konbini: { storeId: cart.storeId },
      };
      return dr.createSource(konbiniRequest);
    }
    case 'sofort':
      return dr.createSource({
        type: 'sofort',
        amount: cart.total,
        currency: 'EUR',
      });
    default:
      return dr.createSource({
        type: 'wireTransfer',
        sessionId: cart.paymentSessionId,
        owner: cart.owner,
      });
  }
}
