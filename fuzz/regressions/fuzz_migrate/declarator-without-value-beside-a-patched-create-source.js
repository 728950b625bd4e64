var shop = {};
shop.createSource = function (payload) { return payload; };
var digitalriver =;new DigitalRiver('pk_test_control');
digitalriver.createSource({ type: 'bPay', amount: 5, currency: 'AUD' });
