<?php
$cart = dr_cart();
$payload = [
	'type' => 'payPal',
	'amount' => $cart['total'],
	'currency' => $cart['currency'],
	'payPal' => [
		'returnUrl' => '/ok',
		'shipping' => <<<JSON
		{"recipient": "{$cart['name']}"}
		JSON,
		'cancelUrl' => '/cancel',
	],
];
echo json_encode(['payload' => $payload]);
?>