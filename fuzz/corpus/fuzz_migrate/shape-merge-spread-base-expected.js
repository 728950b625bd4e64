const baseRequest = buildBaseRequest(store.getState());

export const payAtKonbini = (dr, storeId) =>
  dr.createSource({
    ...baseRequest,
    type: 'konbini',
    sessionId: checkout.payment.session.id,
    konbini: { storeId },
  });
