let sourcePayload = {
  type: 'bankTransfer',
  sessionId: checkout.payment.session.id,
  owner: order.owner,
  bankTransfer: { returnUrl: '/kr/return' },
};

function renderSummary() {
  let sourcePayload;
  sourcePayload = { type: 'konbini', amount: order.total, currency: 'JPY' };
  summaryView.render(sourcePayload);
}

function renderReceipt(sourcePayload) {
  sourcePayload = { type: 'codJapan', amount: order.total };
  receiptView.render(sourcePayload);
}

export function submit(drjs) {
  return drjs.createSource(sourcePayload);
}
