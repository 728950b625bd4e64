const konbiniReq = { type: 'konbini', sessionId: checkout.payment.session.id,
  owner: shopper,
  konbini: { storeId: storeCode } };

const paycoReq = {
  type: 'payco', sessionId: checkout.payment.session.id, owner: shopper
};

digitalriver.createSource(konbiniReq);
digitalriver.createSource(paycoReq);
