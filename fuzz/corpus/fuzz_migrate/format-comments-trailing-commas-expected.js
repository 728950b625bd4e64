// Build the SEPA source request from the cart.
var sepaRequest = {
  // which DR payment method
  type: 'directDebit', // do not change
  sessionId: checkout.payment.session.id,
  /* legacy: DR used to need the totals */
  // who pays
  owner: buyerOwner /* see owner.js */,
  directDebit: {
    returnUrl: urls.sepaReturn, // redirect back
  },
  /* nothing else is needed */
};

const paypalRequest = {
  type: 'payPal', /* express */
  sessionId: checkout.payment.session.id,
  payPal: {
    // where PayPal sends the shopper back
    returnUrl: urls.paypalOk,
    // cancel lands on the basket page
    cancelUrl: urls.paypalCancel,
  }, // end payPal
};

// Submit both (A/B test)
digitalriver.createSource(/* payload */ sepaRequest).then(done);
digitalriver.createSource(paypalRequest /* paypal */).then(done);
