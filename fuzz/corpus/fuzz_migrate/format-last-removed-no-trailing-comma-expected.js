export function bankTransferSource(dr, ctx) {
  const payload = {
    type: 'bankTransfer',
    sessionId: checkout.payment.session.id,
    owner: ctx.owner,
    bankTransfer: {
      returnUrl: ctx.returnUrl
    }
  };
  return dr.createSource(payload);
}

export function paypalSource(dr, ctx) {
  return dr.createSource({
    type: 'payPal',
    sessionId: checkout.payment.session.id,
    payPal: {
      returnUrl: ctx.ok,
      cancelUrl: ctx.cancel // shopper backed out
    }
  });
}
