/**
 * Monthly coffee subscription - Klarna recurring mandate.
 */
var subscriptionSourceRequest = {
  "type": "klarnaCreditRecurring",
  "sessionId": checkout.payment.session.id,
  "owner": shopperProfile.owner,
  "klarnaCreditRecurring": {
    "cancelUrl": "https://kaffe.example.se/prenumeration/avbryt",
    "returnUrl": "https://kaffe.example.se/prenumeration/klar",
  },
};

function startSubscription() {
  return DR.createSource(subscriptionSourceRequest).then(storeMandate);
}
