/* Klarna one-off and subscription checkout (US storefront). */
(function (window, document) {
  'use strict';

  var digitalriver = window.digitalriver;
  var checkout = window.ACME.checkout;

  function toKlarnaItems(lines) {
    return lines.map(function (line) {
      return { name: line.title, quantity: String(line.qty), unitAmount: line.price.toFixed(2) };
    });
  }

  function redirectOrFail(result) {
    if (result.error) {
      document.getElementById('klarna-error').hidden = false;
      return;
    }
    window.location.assign(result.source.redirect.redirectUrl);
  }

  window.payWithKlarna = function (cart, customer) {
    var payload = {
      "type": "klarnaCredit",
      "amount": cart.total,
      "currency": cart.currency,
      "owner": customer.billing,
      "klarnaCredit": {
        "returnUrl": window.location.origin + "/klarna/return?checkout=" + checkout.id,
        "cancelUrl": window.location.origin + "/klarna/cancel",
        "items": toKlarnaItems(cart.lines),
        "locale": "en_US",
        "discountAmount": cart.discount,
        "taxAmount": cart.tax,
        "shippingAmount": cart.shipping,
        "shipping": {
          "recipient": customer.shipping.name,
          "phoneNumber": customer.shipping.phone,
          "address": customer.shipping.address,
          "email": customer.email
        },
        "accountId": customer.id,
        "accountCreatedDate": customer.createdAt,
        "accountUpdatedDate": customer.updatedAt,
        "hasPaidBefore": customer.orderCount > 0
      }
    };

    return digitalriver.createSource(payload).then(redirectOrFail).catch(function (err) {
      console.error('klarna createSource failed', err);
    });
  };

  window.subscribeWithKlarna = function (plan, customer) {
    var recurringPayload = {
      type: "klarnaCreditRecurring",
      owner: customer.billing,
      amount: plan.firstCharge,
      currency: "USD",
      klarnaCreditRecurring: {
        returnUrl: window.location.origin + "/klarna/return?plan=" + plan.id,
        cancelUrl: window.location.origin + "/klarna/cancel",
        taxAmount: 0,
        shippingAmount: 0,
        items: [{
          name: plan.name,
          quantity: "1",
          unitAmount: plan.firstCharge,
          subscriptionInfo: { autoRenewal: true, freeTrial: plan.trialDays > 0 }
        }],
        locale: "en_US",
        discountAmount: 0,
        shipping: customer.shipping,
        accountId: customer.id,
        accountCreatedDate: customer.createdAt,
        accountUpdatedDate: customer.updatedAt,
        hasPaidBefore: true,
        subscriptionDescription: plan.name + " (monthly)",
        subscriptionStartDate: plan.startsAt,
        subscriptionEndDate: plan.endsAt,
        autoRenewal: "true",
        affiliateName: "Acme Affiliates" // was the partner program name
      }
    };

    return digitalriver.createSource(recurringPayload).then(redirectOrFail);
  };
})(window, document);
