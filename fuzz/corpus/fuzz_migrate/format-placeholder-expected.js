// No --session-id given: the tool inserts a marked placeholder string.
const transfer = {
  type: 'bankTransfer',
  sessionId: 'TODO(payment-session-migrate): checkout.payment.session.id',
  owner: buyer,
};

const debit = {
  "type": "directDebit",
  "sessionId": "TODO(payment-session-migrate): checkout.payment.session.id",
  "owner": buyer,
  "directDebit": { "returnUrl": "/sepa/ok" }
};

digitalriver.createSource(transfer);
digitalriver.createSource(debit);
digitalriver.createSource({ type: 'codJapan', sessionId: 'TODO(payment-session-migrate): checkout.payment.session.id', owner: buyer });
