function payByWire(dr, invoice) {
  var wireData = {
    "type": "wireTransfer",
    "currency": invoice.currency,
    "amount": invoice.balanceDue,
    "owner": invoice.billTo,
    "metadata": {
      "invoiceNumber": invoice.number,
      "amount": String(invoice.balanceDue)
    },
    "wireTransfer": {}
  };

  return dr.createSource(wireData).then(function (r) {
    return r.source;
  });
}
