const klarnaDetails = {
  returnUrl: urls.ok,
  cancelUrl: urls.cancel,
  items: klarnaLines,
  locale: 'de-DE',
  shipping: shipTo,
  accountId: customer.id,
  hasPaidBefore: customer.orders > 0,
};

const klarnaPayload = {
  type: 'klarnaCredit',
  amount: total,
  currency: 'EUR',
  owner: billTo,
  klarnaCredit: klarnaDetails,
};

digitalriver.createSource(klarnaPayload).then(redirectToKlarna);
