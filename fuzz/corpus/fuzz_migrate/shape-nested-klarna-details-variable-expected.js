const klarnaDetails = {
  returnUrl: urls.ok,
  cancelUrl: urls.cancel,
};

const klarnaPayload = {
  type: 'klarnaCredit',
  sessionId: checkout.payment.session.id,
  owner: billTo,
  klarnaCredit: klarnaDetails,
};

digitalriver.createSource(klarnaPayload).then(redirectToKlarna);
