<?php
// Arrays with a 'type' key that are not DigitalRiver.js payloads: none may
// be touched or reported.
return [
    'components' => [
        'payment' => [
            'type' => 'text',
            'label' => __('Amount'),
            'amount' => 0,
            'currency' => 'USD',
        ],
        'methods' => [
            ['type' => 'payPal', 'title' => 'PayPal', 'sortOrder' => 10],
            ['type' => 'klarnaCredit', 'title' => 'Klarna', 'sortOrder' => 20],
        ],
    ],
];

function stripe_charge($cart)
{
    $stripe = new \Stripe\StripeClient(STRIPE_SECRET);
    return $stripe->paymentMethods->create([
        'type' => 'card',
        'amount' => $cart->total,
        'currency' => 'usd',
        'card' => ['token' => $cart->token],
    ]);
}

function braintree_paypal($gateway, $cart)
{
    return $gateway->transaction()->sale([
        'type' => 'paypal',
        'amount' => $cart->total,
        'paymentMethodNonce' => $cart->nonce,
    ]);
}

function form_field()
{
    $field = array();
    $field['type'] = 'select';
    $field['options'] = array('payPal' => 'PayPal', 'konbini' => 'Konbini');
    return $field;
}
