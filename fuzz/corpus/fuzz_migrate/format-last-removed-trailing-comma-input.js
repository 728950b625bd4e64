export function bankTransferSource(dr, ctx) {
  const payload = {
    type: 'bankTransfer',
    owner: ctx.owner,
    bankTransfer: {
      returnUrl: ctx.returnUrl,
    },
    currency: 'KRW',
  };
  return dr.createSource(payload);
}
