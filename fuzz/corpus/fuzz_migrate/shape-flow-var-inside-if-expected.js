function startPayment(method, dr) {
  if (method === 'codJapan') {
    var codRequest = {
      type: 'codJapan',
      sessionId: checkout.payment.session.id,
      owner: order.billTo
    };
  } else {
    return Promise.reject(new Error('unsupported: ' + method));
  }

  // ES5 hoisting: codRequest is visible here.
  return dr.createSource(codRequest);
}
