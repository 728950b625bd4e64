function payWithBank(dr, method, bankDetails) {
  return dr.createSource({
    type: 'onlineBanking',
    sessionId: checkout.payment.session.id,
    [method]: bankDetails,
  });
}
