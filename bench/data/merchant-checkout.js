/* oscorp - checkout payment integration (legacy DigitalRiver.js). Generated benchmark fixture. */

'use strict';

var digitalriver = new DigitalRiver("pk_test_f17fd374c6a5387777330bdbd7210dff", { locale: "en-US" });

var dr = digitalriver, DR = digitalriver, drjs = digitalriver;

function showError(message) {
    document.getElementById("payment-errors").textContent = message;
}
function attachSource(source) {
    return fetch("/checkout/" + checkout.id + "/sources", { method: "POST", body: JSON.stringify({ sourceId: source.id }) });
}

var wireTransferPayload1 = {
    'amount': order.grandTotal,
    'type': "wireTransfer",
    'currency': cart.currency,
    'owner': {
        'firstName': form.firstName,
        'lastName': form.lastName,
        'email': form.email,
        'address': {
            'line1': form.line1,
            'city': form.city,
            'postalCode': form.postalCode,
            'country': "US"
        }
    }
};

function payWireTransfer1(cart, form) {
    return digitalriver.createSource(wireTransferPayload1).then(function (result) {
        if (result.error) {
            showError(result.error.errors[0].message);
            return null;
        }
        return attachSource(result.source);
    });
}

function loadTax2(id) {
    return fetch("/api/tax/" + encodeURIComponent(id), {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
    }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
    });
}

function payPayPal3(cart, form) {
    const payload = {
        'type': "payPal",
        'amount': cart.total,
        'currency': "JPY",
        'owner': shopper.owner,
        'payPal': {
            'returnUrl': window.location.origin + "/checkout/return",
            'cancelUrl': window.location.origin + "/checkout/cancel",
            'items': [
                {
                    'name': "Mug",
                    'quantity': 2,
                    'unitAmount': 68.08
                },
                {
                    'name': "Gift card",
                    'quantity': 3,
                    'unitAmount': 155.75
                }
            ],
            'taxAmount': cart.tax,
            'shippingAmount': cart.shippingTotal,
            'amountsEstimated': false,
            'requestShipping': true,
            'shipping': {
                'recipient': cart.shipTo.name,
                'phoneNumber': cart.shipTo.phone,
                'address': {
                    'line1': cart.shipTo.line1,
                    'city': cart.shipTo.city,
                    'postalCode': cart.shipTo.postalCode,
                    'country': "JP"
                }
            }
        }
    };
    return drjs.createSource(payload).then(function (result) {
        if (result.error) {
            showError(result.error.errors[0].message);
            return null;
        }
        return attachSource(result.source);
    });
}

function formatVoucher4(value) {
    if (value == null || isNaN(value)) {
        return "-";
    }
    return new Intl.NumberFormat(locale, { style: "currency", currency: cart.currency }).format(value);
}

function formatAddress5(value) {
    if (value == null || isNaN(value)) {
        return "-";
    }
    return new Intl.NumberFormat(locale, { style: "currency", currency: cart.currency }).format(value);
}

var bPayPayload6 = {
    'type': "bPay",
    'amount': order.grandTotal,
    'currency': "USD",
    'owner': customer.billing
};

function payBPay6(cart, form) {
    return window.DigitalRiverInstance.createSource(bPayPayload6).then(function (result) {
        if (result.error) {
            showError(result.error.errors[0].message);
            return null;
        }
        return attachSource(result.source);
    });
}

var shippingCache7 = new Map();
function cachedShipping7(key, compute) {
    if (shippingCache7.has(key)) return shippingCache7.get(key);
    var value = compute();
    shippingCache7.set(key, value);
    return value;
}

var inventoryDefaults8 = {
    locale: "ja-JP",
    retries: 5,
    timeoutMs: 9000,
    featureFlags: ["new-inventory", "fast-inventory"]
};

function formatInventory9(value) {
    if (value == null || isNaN(value)) {
        return "-";
    }
    return new Intl.NumberFormat(locale, { style: "currency", currency: cart.currency }).format(value);
}

function validateSession10(form) {
    var errors = [];
    if (!form.email || form.email.indexOf('@') < 0) errors.push("email");
    if (!form.postalCode) errors.push("postalCode");
    for (var i = 0; i < form.lines.length; i++) {
        if (form.lines[i].qty <= 0) errors.push("qty-" + i);
    }
    return errors;
}

var localeCache11 = new Map();
function cachedLocale11(key, compute) {
    if (localeCache11.has(key)) return localeCache11.get(key);
    var value = compute();
    localeCache11.set(key, value);
    return value;
}
