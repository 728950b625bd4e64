/* Acme Outfitters - checkout page (legacy DigitalRiver.js integration). */
(function ($, window) {
  'use strict';

  var digitalriver = new DigitalRiver('pk_test_4f2a9c1d7e8b4a6f9d0c3b2a1e5f7d8c', {
    locale: 'en-US'
  });
  var checkout = window.ACME.checkout; // server-rendered checkout summary

  var cardNumberElement = digitalriver.createElement('cardnumber', { classes: { base: 'dr-input' } });
  var cardExpiration = digitalriver.createElement('cardexpiration', { classes: { base: 'dr-input' } });
  var cardCVV = digitalriver.createElement('cardcvv', { classes: { base: 'dr-input' } });
  cardNumberElement.mount('card-number');
  cardExpiration.mount('card-expiration');
  cardCVV.mount('card-cvv');

  function readBillingAddress() {
    return {
      firstName: $('#billing-first-name').val(),
      lastName: $('#billing-last-name').val(),
      email: $('#billing-email').val(),
      phoneNumber: $('#billing-phone').val(),
      address: {
        line1: $('#billing-line1').val(),
        line2: $('#billing-line2').val(),
        city: $('#billing-city').val(),
        state: $('#billing-state').val(),
        postalCode: $('#billing-postal').val(),
        country: $('#billing-country').val()
      }
    };
  }

  function showError(message) {
    $('#payment-errors').text(message).removeClass('hidden');
  }

  function attachSource(source) {
    return $.ajax({
      url: '/checkout/' + checkout.id + '/sources',
      method: 'POST',
      contentType: 'application/json',
      data: JSON.stringify({ sourceId: source.id })
    });
  }

  $('#pay-with-card').on('click', function (event) {
    event.preventDefault();
    $(this).prop('disabled', true);

    var sourceData = {
      type: 'creditCard',
      owner: readBillingAddress()
    };

    digitalriver.createSource(cardNumberElement, sourceData).then(function (result) {
      if (result.error) {
        showError(result.error.errors[0].message);
        return;
      }
      return attachSource(result.source).then(function () {
        window.location.href = '/checkout/review';
      });
    }).catch(function (err) {
      showError('Something went wrong: ' + err);
    }).then(function () {
      $('#pay-with-card').prop('disabled', false);
    });
  });

  function startPayPal(cart) {
    var items = $.map(cart.lines, function (line) {
      return { name: line.title, quantity: line.qty, unitAmount: line.price };
    });

    // Built once per cart; reused if the shopper retries after a popup block.
    var paypalDetails = {
      "returnUrl": window.location.origin + '/checkout/paypal-return',
      "cancelUrl": window.location.origin + '/checkout/paypal-cancel',
      "items": items,
      "taxAmount": cart.tax,
      "shippingAmount": cart.shipping,
      "amountsEstimated": false,
      "requestShipping": true,
      "shipping": {
        "recipient": cart.shipTo.name,
        "phoneNumber": cart.shipTo.phone,
        "address": cart.shipTo.address
      }
    };

    function submit() {
      var payload = {
        "type": "payPal",
        "amount": cart.total,
        "currency": cart.currency,
        "payPal": paypalDetails
      };

      digitalriver.createSource(payload).then(function (result) {
        if (result.error) {
          showError('PayPal is unavailable right now.');
        } else {
          window.location.href = result.source.redirect.redirectUrl;
        }
      }, function () {
        showError('PayPal is unavailable right now.');
      });
    }

    submit();
    $('#paypal-retry').off('click').on('click', submit);
  }

  $('#pay-with-paypal').on('click', function () {
    $.getJSON('/cart.json').done(startPayPal).fail(function () {
      showError('Could not load your cart.');
    });
  });
})(jQuery, window);
