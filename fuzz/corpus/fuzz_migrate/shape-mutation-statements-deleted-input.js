function submitPayPal(dr, cart, lines) {
  const paypalSource = {
    type: 'payPal',
    payPal: {
      returnUrl: cart.returnUrl,
      cancelUrl: cart.cancelUrl,
    },
  };
  paypalSource.amount = cart.total;
  paypalSource['currency'] = cart.currencyCode;
  paypalSource.payPal.items = lines;
  paypalSource.payPal.shippingAmount = cart.shipping.amount;

  return dr.createSource(paypalSource);
}
