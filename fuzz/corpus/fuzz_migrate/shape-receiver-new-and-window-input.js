var drjs = new DigitalRiver(config.drKey);
var legacyDr = window.DigitalRiver(config.drKey, { locale: config.locale });

function submitKonbini(storeId) {
  drjs.createSource({
    "type": "konbini",
    "amount": cart.total,
    "currency": "JPY",
    "konbini": { "storeId": storeId }
  }).then(handleResult);
}

function submitWire() {
  legacyDr.createSource({ type: 'wireTransfer', owner: billingOwner(), currency: 'EUR' })
    .then(handleResult);
}
