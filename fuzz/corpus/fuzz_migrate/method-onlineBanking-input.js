var ibpForm = document.forms.namedItem('ibp');

ibpForm.addEventListener('submit', function (evt) {
    evt.preventDefault();
    var ibpPayload = {
        "type": "onlineBanking",
        "amount": Number(ibpForm.dataset.total),
        "currency": ibpForm.dataset.currency,
        "owner": readOwner(ibpForm),
        "onlineBanking": {
            "bankCode": ibpForm.elements.bank.value,
            "returnUrl": "https://eu.shop.example.com/ibp/done",
            "cancelUrl": "https://eu.shop.example.com/ibp/back"
        }
    };
    window.drjs.createSource(ibpPayload).then(handleIbpResult);
});
