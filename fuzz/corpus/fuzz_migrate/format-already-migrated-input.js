// Migrated last sprint; the codemod must leave this alone.
const sepa = {
  type: 'directDebit',
  sessionId: window.checkoutSession.paymentSessionId,
  owner: owner,
  directDebit: { returnUrl: '/sepa/back' },
};

const card = {
  sessionId: window.checkoutSession.paymentSessionId,
  type: 'creditCard',
  owner: owner,
};

const pp = { type: 'payPal', sessionId: sid, payPal: { returnUrl: '/ok', cancelUrl: '/no' } };

digitalriver.createSource(sepa);
digitalriver.createSource(cardNumberElement, card);
digitalriver.createSource(pp);
