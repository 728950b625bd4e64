var digitalriver = new DigitalRiver(drConfig.publicKey, { locale: drConfig.locale });

// One place to create sources so errors are logged the same way.
function createDrSource(data) {
  return digitalriver.createSource(data);
}

function payDirectDebit(owner) {
  return createDrSource({
    type: 'directDebit',
    owner: owner,
    amount: drConfig.total,
    currency: 'EUR',
    directDebit: { returnUrl: drConfig.returnUrl }
  });
}

function payPayco(owner) {
  return createDrSource({ type: 'payco', owner: owner, amount: drConfig.total, payco: { returnUrl: drConfig.returnUrl } });
}
