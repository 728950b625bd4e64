// Build the SEPA source request from the cart.
var sepaRequest = {
  // which DR payment method
  type: 'directDebit', // do not change
  /* legacy: DR used to need the totals */
  amount: cart.total, // gross, incl. VAT
  currency: cart.currency, /* ISO-4217 */
  // who pays
  owner: buyerOwner /* see owner.js */,
  directDebit: {
    returnUrl: urls.sepaReturn, // redirect back
  },
  /* nothing else is needed */
};

const paypalRequest = {
  type: 'payPal', /* express */
  payPal: {
    // where PayPal sends the shopper back
    returnUrl: urls.paypalOk,
    requestShipping: false, // we collect the address ourselves
    // cancel lands on the basket page
    cancelUrl: urls.paypalCancel,
    shipping: shippingBlock, /* filled in by the address step */
  }, // end payPal
};

// Submit both (A/B test)
digitalriver.createSource(/* payload */ sepaRequest).then(done);
digitalriver.createSource(paypalRequest /* paypal */).then(done);
