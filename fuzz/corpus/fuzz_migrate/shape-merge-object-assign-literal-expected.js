// Konbini: totals are merged in after the store picker closes.
var konbiniPayload = {
  type: 'konbini',
  sessionId: checkout.payment.session.id,
  konbini: { storeId: selectedStore },
};
Object.assign(konbiniPayload, {});
Object.assign(konbiniPayload, {
  owner: basket.owner,
});
digitalriver.createSource(konbiniPayload).then(showVoucher);
