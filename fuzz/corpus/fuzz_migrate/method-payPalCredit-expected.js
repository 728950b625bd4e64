const financingButton = document.querySelector('[data-pay="paypal-credit"]');

financingButton.addEventListener('click', () => {
  const order = window.__ORDER__;
  digitalriver.createSource({
    type: 'payPalCredit',
    sessionId: checkout.payment.session.id,
    payPal: {
      returnUrl: order.urls.financeReturn,
      cancelUrl: order.urls.financeCancel,
    },
  }).then((result) => {
    window.location.assign(result.source.redirect.redirectUrl);
  });
});
