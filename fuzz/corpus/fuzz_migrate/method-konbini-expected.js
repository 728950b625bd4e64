function konbiniCheckout(dr, selection) {
  let konbiniSource = {
    'type': 'konbini',
    'sessionId': checkout.payment.session.id,
    'owner': selection.owner,
    'konbini': {
      'storeId': selection.storeId
    }
  };

  dr.createSource(konbiniSource)
    .then(function (out) { showVoucher(out.source.konbini); })
    .catch(reportFailure);
}
