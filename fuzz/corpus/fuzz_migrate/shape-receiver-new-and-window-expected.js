var drjs = new DigitalRiver(config.drKey);
var legacyDr = window.DigitalRiver(config.drKey, { locale: config.locale });

function submitKonbini(storeId) {
  drjs.createSource({
    "type": "konbini",
    "sessionId": checkout.payment.session.id,
    "konbini": { "storeId": storeId }
  }).then(handleResult);
}

function submitWire() {
  legacyDr.createSource({ type: 'wireTransfer', sessionId: checkout.payment.session.id, owner: billingOwner() })
    .then(handleResult);
}
