const stripe = Stripe(window.STRIPE_KEY);

// Legacy Stripe path for the US store; not DigitalRiver.js, must stay untouched.
stripe.createSource({ type: 'payco', amount: 100, currency: 'usd' });

function viaCall(dr, owner) {
  return dr.createSource.call(dr, {
    type: 'bPay',
    amount: 15,
    currency: 'AUD',
    owner,
  });
}

function viaApply(dr, args) {
  return dr.createSource.apply(dr, [{ type: 'konbini', currency: 'JPY', owner: args.owner }]);
}

function viaOptional(dr) {
  return dr?.createSource?.({ type: 'codJapan', amount: 3000, owner: defaults.owner });
}
