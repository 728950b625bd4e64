function payByWire(dr, invoice) {
  var wireData = {
    "type": "wireTransfer",
    "sessionId": checkout.payment.session.id,
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
