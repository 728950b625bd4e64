function paypalExpress(dr, cart, returnUrl, cancelUrl) {
  const amount = cart.total;
  const currency = cart.currency;
  const items = cart.lines.map(toPayPalItem);
  const payPal = {
    returnUrl,
    cancelUrl,
    items,
    requestShipping: false,
  };
  return dr.createSource({ type: 'payPal', amount, currency, payPal });
}
