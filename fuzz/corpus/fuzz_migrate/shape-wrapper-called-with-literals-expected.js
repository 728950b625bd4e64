var digitalriver = new DigitalRiver(drConfig.publicKey, { locale: drConfig.locale });

// One place to create sources so errors are logged the same way.
function createDrSource(data) {
  return digitalriver.createSource(data);
}

function payDirectDebit(owner) {
  return createDrSource({
    type: 'directDebit',
    sessionId: checkout.payment.session.id,
    owner: owner,
    directDebit: { returnUrl: drConfig.returnUrl }
  });
}

function payPayco(owner) {
  return createDrSource({ type: 'payco', sessionId: checkout.payment.session.id, owner: owner, payco: { returnUrl: drConfig.returnUrl } });
}
