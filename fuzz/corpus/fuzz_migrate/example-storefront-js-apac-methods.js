/* Asia-Pacific payment methods. Loaded after checkout.js on JP, KR and AU storefronts. */
var ApacPayments = (function (dr, checkout) {
  'use strict';

  function sendToBackend(source) {
    return fetch('/api/checkouts/' + checkout.id + '/sources', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sourceId: source.id })
    }).then(function (res) {
      if (!res.ok) { throw new Error('attach failed: ' + res.status); }
      return res.json();
    });
  }

  function handle(result) {
    if (result.error) {
      document.getElementById('apac-error').textContent = result.error.errors[0].message;
      return null;
    }
    return sendToBackend(result.source);
  }

  // Konbini (Japan convenience stores)
  function payAtKonbini(order, owner) {
    var storeId = document.querySelector('select[name="konbini-store"]').value;
    var konbiniPayload = {
      "type": "konbini",
      "amount": order.total, // JPY has no minor units
      "currency": "JPY",
      "owner": owner,
      "konbini": {
        "storeId": storeId
      }
    };
    return dr.createSource(konbiniPayload).then(handle);
  }

  // Cash on delivery (Japan)
  function payOnDelivery(order, owner) {
    return dr.createSource({ type: 'codJapan', amount: order.total, currency: 'JPY', owner: owner }).then(handle);
  }

  // Payco (Korea)
  function payWithPayco(order, owner) {
    var data = {
      type: 'payco',
      /* amounts come from the cart service in KRW */
      amount: order.total,
      currency: 'KRW',
      owner: owner,
      payco: {
        returnUrl: location.origin + '/kr/payco/return',
        cancelUrl: location.origin + '/kr/payco/cancel',
      },
    };
    return dr.createSource(data).then(handle);
  }

  // Bank transfer (Korea)
  function payByBankTransfer(order, owner) {
    var data = {
      'type': 'bankTransfer',
      'owner': owner,
      'currency': 'KRW',
      'amount': order.total,
      'bankTransfer': {
        'returnUrl': location.origin + '/kr/bank/return',
        'cancelUrl': location.origin + '/kr/bank/cancel'
      }
    };
    return dr.createSource(data).then(handle);
  }

  // BPAY (Australia)
  function payWithBpay(order, owner) {
    var bpay = {
      type: "bPay",
      owner: owner,
      amount: order.total,
      currency: "AUD"
    };
    return dr.createSource(bpay).then(handle, function (e) { console.error(e); });
  }

  // Online banking (IBP)
  function payWithOnlineBanking(order, owner, bankCode) {
    var data = {
      "type": "onlineBanking", "amount": order.total, "currency": order.currency,
      "owner": owner,
      "onlineBanking": {
        "returnUrl": location.origin + '/ibp/success',
        "cancelUrl": location.origin + '/ibp/cancel',
        "bankCode": bankCode
      }
    };
    return dr.createSource(data).then(handle);
  }

  return {
    konbini: payAtKonbini,
    codJapan: payOnDelivery,
    payco: payWithPayco,
    bankTransfer: payByBankTransfer,
    bPay: payWithBpay,
    onlineBanking: payWithOnlineBanking
  };
})(window.digitalriver, window.ACME.checkout);
