function submitPayPal(dr, cart, lines) {
  const paypalSource = {
    type: 'payPal',
    sessionId: checkout.payment.session.id,
    payPal: {
      returnUrl: cart.returnUrl,
      cancelUrl: cart.cancelUrl,
    },
  };

  return dr.createSource(paypalSource);
}
