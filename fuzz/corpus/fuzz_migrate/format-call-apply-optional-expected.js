const stripe = Stripe(window.STRIPE_KEY);

// Legacy Stripe path for the US store; not DigitalRiver.js, must stay untouched.
stripe.createSource({ type: 'payco', amount: 100, currency: 'usd' });

function viaCall(dr, owner) {
  return dr.createSource.call(dr, {
    type: 'bPay',
    sessionId: checkout.payment.session.id,
    owner,
  });
}

function viaApply(dr, args) {
  return dr.createSource.apply(dr, [{ type: 'konbini', sessionId: checkout.payment.session.id, owner: args.owner }]);
}

function viaOptional(dr) {
  return dr?.createSource?.({ type: 'codJapan', sessionId: checkout.payment.session.id, owner: defaults.owner });
}
