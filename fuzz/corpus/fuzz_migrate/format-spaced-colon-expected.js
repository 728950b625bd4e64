var wirePayload = {
  "type" : "wireTransfer",
  "sessionId" : checkout.payment.session.id,
  "owner" : billing.owner,
  "wireTransfer" : {}
};

var klarnaPayload = {
  type:'klarnaCredit',
  sessionId:checkout.payment.session.id,
  owner:billing.owner,
  klarnaCredit:{
    returnUrl:'/k/ok',
    cancelUrl:'/k/cancel'
  }
};

digitalriver.createSource(wirePayload);
digitalriver.createSource(klarnaPayload);
