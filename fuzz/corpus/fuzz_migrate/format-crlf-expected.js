// Windows-authored checkout script
function financeWithPayPal(dr, order) {
  var creditPayload = {
    "type": "payPalCredit",
    "sessionId": checkout.payment.session.id,

    "payPal": {
      "returnUrl": order.links.ok,
      "cancelUrl": order.links.cancel
    }
  };
  return dr.createSource(creditPayload);
}
