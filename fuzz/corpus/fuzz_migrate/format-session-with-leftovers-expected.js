// Half-migrated: someone added sessionId but forgot the cleanup.
const creditRequest = {
  sessionId: checkoutResponse.paymentSessionId,
  type: 'payPalCredit',
  payPal: {
    returnUrl: '/finance/ok',
    cancelUrl: '/finance/cancel',
  },
};

const wireRequest = {
  type: 'wireTransfer',
  sessionId: checkoutResponse.paymentSessionId
};

export const finance = (dr) => dr.createSource(creditRequest);
export const wire = (dr) => dr.createSource(wireRequest);
