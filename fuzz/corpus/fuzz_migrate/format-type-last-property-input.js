const konbiniOnly = {
  owner: shopper,
  konbini: { storeId: '010' },
  type: 'konbini'
};

const cardOnly = {
  owner: shopper,
  type: 'creditCard',
};

digitalriver.createSource(konbiniOnly);
digitalriver.createSource(cardElement, cardOnly);
