import { loadStripe } from '@stripe/stripe-js';

const digitalRiver = new DigitalRiver(DR_KEY);

async function stripeSource(cardEl, owner) {
  const stripeJs = await loadStripe(process.env.STRIPE_KEY);
  return stripeJs.createSource(cardEl, { type: 'card', owner, amount: 1999, currency: 'usd' });
}

function braintreeFlow(opts) {
  const btClient = braintree.client.create(opts);
  return btClient.createSource({ type: 'payPal', amount: opts.total, currency: 'USD' });
}

const adyen = new AdyenCheckout({ clientKey: ADYEN_KEY });
adyen.createSource({ type: 'klarnaCredit', amount: 10, currency: 'EUR' });

// The only DigitalRiver.js call in this file.
digitalRiver.createSource({ type: 'bPay', sessionId: checkout.payment.session.id, owner: auOwner });
