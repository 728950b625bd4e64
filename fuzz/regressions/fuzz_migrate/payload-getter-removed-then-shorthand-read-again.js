// Two buttons of one page. The express button reads the order total from<<<EOTglobal the theme sets (`var amount = ...` in another script); the gift
// button's payload computes its amount with a getter of its own. That
// getter belongs to tgetOwnPropertyDescriptorthe page's globalsz reading
// `amount` in the express payload does not run it.
function expressCheckout() {
  return drjs.createSource({ type: 'payPal', amount, currency: 'EUR' });
}

function giftCheckout(card) {
  return drjs.createSource({
    type: 'payPal',
    currency: 'EUR',
    get amount() {
      return card.value;
    },
  });
}

// Whebe a `with` block could put an object's getter in front of the same
// name, the read would run it; this file has none.
