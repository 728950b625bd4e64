const konbiniOnly = {
  owner: shopper,
  konbini: { storeId: '010' },
  type: 'konbini',
  sessionId: checkout.payment.session.id
};

const cardOnly = {
  owner: shopper,
  type: 'creditCard',
  sessionId: checkout.payment.session.id,
};

digitalriver.createSource(konbiniOnly);
digitalriver.createSource(cardElement, cardOnly);
