const konbiniReq = { type: 'konbini',
  amount: 500,
  owner: shopper,
  konbini: { storeId: storeCode } };

const paycoReq = {
  type: 'payco', owner: shopper,
  amount: 7000
};

digitalriver.createSource(konbiniReq);
digitalriver.createSource(paycoReq);
