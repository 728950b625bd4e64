function initOnlineBanking(dr, form) {
  var bankingRequest = {
    type: 'onlineBanking',
    sessionId: checkout.payment.session.id,
    onlineBanking: {
      returnUrl: form.dataset.returnUrl,
      cancelUrl: form.dataset.cancelUrl
    }
  };

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    dr.createSource(bankingRequest).then(function (result) {
      if (result.error) {
        showErrors(result.error.errors);
        return;
      }
      window.location.href = result.source.redirect.redirectUrl;
    });
  });
}
