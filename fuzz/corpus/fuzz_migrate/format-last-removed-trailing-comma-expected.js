export function bankTransferSource(dr, ctx) {
  const payload = {
    type: 'bankTransfer',
    sessionId: checkout.payment.session.id,
    owner: ctx.owner,
    bankTransfer: {
      returnUrl: ctx.returnUrl,
    },
  };
  return dr.createSource(payload);
}
