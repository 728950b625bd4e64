const payPalSource = {
  type: `payPal`,
  currency: `USD`,
  amount: basket.total,
  payPal: {
    returnUrl: `${origin}/pp/return`,
    cancelUrl: `${origin}/pp/cancel`,
    shippingAmount: basket.shipping,
  },
};

digitalriver.createSource(payPalSource);
digitalriver.createSource({ type: `bPay`, amount: 10, owner: who });
