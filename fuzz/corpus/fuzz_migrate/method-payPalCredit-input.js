const financingButton = document.querySelector('[data-pay="paypal-credit"]');

financingButton.addEventListener('click', () => {
  const order = window.__ORDER__;
  digitalriver.createSource({
    type: 'payPalCredit',
    amount: order.total,
    currency: order.currency,
    payPal: {
      returnUrl: order.urls.financeReturn,
      cancelUrl: order.urls.financeCancel,
      amountsEstimated: true,
      taxAmount: order.tax,
      shipping: order.shipping,
    },
  }).then((result) => {
    window.location.assign(result.source.redirect.redirectUrl);
  });
});
