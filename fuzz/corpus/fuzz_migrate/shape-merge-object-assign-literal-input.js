// Konbini: totals are merged in after the store picker closes.
var konbiniPayload = {
  type: 'konbini',
  konbini: { storeId: selectedStore },
};
Object.assign(konbiniPayload, { amount: basket.total, currency: 'JPY' });
Object.assign(konbiniPayload, {
  owner: basket.owner,
  currency: 'JPY',
});
digitalriver.createSource(konbiniPayload).then(showVoucher);
