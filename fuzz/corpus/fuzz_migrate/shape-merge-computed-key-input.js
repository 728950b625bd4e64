function payWithBank(dr, method, bankDetails) {
  return dr.createSource({
    type: 'onlineBanking',
    currency: 'EUR',
    [method]: bankDetails,
  });
}
