// No --session-id given: the tool inserts a marked placeholder string.
const transfer = {
  type: 'bankTransfer',
  amount: total,
  currency: 'KRW',
  owner: buyer,
};

const debit = {
  "type": "directDebit",
  "owner": buyer,
  "directDebit": { "returnUrl": "/sepa/ok" }
};

digitalriver.createSource(transfer);
digitalriver.createSource(debit);
digitalriver.createSource({ type: 'codJapan', amount: total, owner: buyer });
