/**
 * Monthly coffee subscription - Klarna recurring mandate.
 */
var subscriptionSourceRequest = {
  "type": "klarnaCreditRecurring",
  "amount": "24.90",
  "currency": "SEK",
  "owner": shopperProfile.owner,
  "klarnaCreditRecurring": {
    "items": [
      {
        "name": "Bean box (monthly)",
        "quantity": "1",
        "unitAmount": "24.90",
        "subscriptionInfo": {
          "autoRenewal": true,
          "freeTrial": false,
        },
      },
    ],
    "cancelUrl": "https://kaffe.example.se/prenumeration/avbryt",
    "subscriptionStartDate": "2024-03-01T00:00:00.000Z",
    "subscriptionEndDate": "2025-03-01T00:00:00.000Z",
    "subscriptionDescription": "Bean box",
    "autoRenewal": "true",
    "discountAmount": 0,
    "taxAmount": 4.98,
    "shippingAmount": 0,
    "returnUrl": "https://kaffe.example.se/prenumeration/klar",
    "locale": "sv_SE",
    "shipping": shopperProfile.delivery,
    "accountId": shopperProfile.id,
    "accountCreatedDate": shopperProfile.created,
    "accountUpdatedDate": shopperProfile.updated,
    "hasPaidBefore": true,
    "affiliateName": "coffee-blog",
  },
};

function startSubscription() {
  return DR.createSource(subscriptionSourceRequest).then(storeMandate);
}
