// Half-migrated: someone added sessionId but forgot the cleanup.
const creditRequest = {
  sessionId: checkoutResponse.paymentSessionId,
  type: 'payPalCredit',
  amount: checkoutResponse.totalAmount,
  payPal: {
    returnUrl: '/finance/ok',
    cancelUrl: '/finance/cancel',
    taxAmount: checkoutResponse.totalTax,
  },
};

const wireRequest = {
  type: 'wireTransfer',
  sessionId: checkoutResponse.paymentSessionId,
  currency: checkoutResponse.currency
};

export const finance = (dr) => dr.createSource(creditRequest);
export const wire = (dr) => dr.createSource(wireRequest);
