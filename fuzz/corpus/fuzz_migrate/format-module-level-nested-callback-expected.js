var bankPayload = {
  type: 'onlineBanking',
  sessionId: checkout.payment.session.id,
  owner: null,
  onlineBanking: { bankCode: '', returnUrl: '/ibp/ok', cancelUrl: '/ibp/cancel' }
};

document.getElementById('pay-ibp').addEventListener('click', function () {
  bankPayload.owner = collectOwner();
  loadDigitalRiver().then(function (drClient) {
    [bankPayload].forEach(function (p) {
      drClient.createSource(bankPayload).then(function (result) {
        followRedirect(result.source);
      });
    });
  });
});
