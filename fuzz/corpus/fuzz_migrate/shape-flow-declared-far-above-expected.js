/**
 * Korean bank transfer step of the one-page checkout.
 */
async function submitBankTransfer(dr, order, ui) {
  const transferRequest = {
    type: 'bankTransfer',
    sessionId: checkout.payment.session.id,
    owner: {
      firstName: order.billTo.firstName,
      lastName: order.billTo.lastName,
      email: order.email,
      address: order.billTo.address,
    },
    bankTransfer: {
      returnUrl: ui.urls.success,
      cancelUrl: ui.urls.cancel,
    },
  };

  ui.showSpinner();
  ui.disableButton('#place-order');

  if (!order.email) {
    ui.showError('email is required');
    return null;
  }

  analytics.track('payment_attempt', { method: transferRequest.type });

  // Wait for the terms checkbox.
  await ui.confirmTerms();

  const result = await dr.createSource(transferRequest);
  ui.hideSpinner();
  return result;
}
