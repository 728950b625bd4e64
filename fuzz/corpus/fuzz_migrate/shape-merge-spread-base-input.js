const baseRequest = buildBaseRequest(store.getState());

export const payAtKonbini = (dr, storeId) =>
  dr.createSource({
    ...baseRequest,
    type: 'konbini',
    amount: 1,
    konbini: { storeId },
  });
