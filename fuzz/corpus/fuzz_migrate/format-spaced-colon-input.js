var wirePayload = {
  "type" : "wireTransfer",
  "amount" : 1250,
  "currency" : "USD",
  "owner" : billing.owner,
  "wireTransfer" : {}
};

var klarnaPayload = {
  type:'klarnaCredit',
  owner:billing.owner,
  klarnaCredit:{
    returnUrl:'/k/ok',
    cancelUrl:'/k/cancel',
    locale:'en_GB'
  }
};

digitalriver.createSource(wirePayload);
digitalriver.createSource(klarnaPayload);
