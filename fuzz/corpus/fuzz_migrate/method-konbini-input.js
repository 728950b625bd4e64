function konbiniCheckout(dr, selection) {
  let konbiniSource = {
    'type': 'konbini',
    'amount': selection.yen,
    'currency': 'JPY',
    'owner': selection.owner,
    'konbini': {
      'storeId': selection.storeId
    }
  };

  dr.createSource(konbiniSource)
    .then(function (out) { showVoucher(out.source.konbini); })
    .catch(reportFailure);
}
