const payPalSource = {
  type: `payPal`,
  sessionId: checkout.payment.session.id,
  payPal: {
    returnUrl: `${origin}/pp/return`,
    cancelUrl: `${origin}/pp/cancel`,
  },
};

digitalriver.createSource(payPalSource);
digitalriver.createSource({ type: `bPay`, sessionId: checkout.payment.session.id, owner: who });
