<?php
$cart = dr_cart();
$payload = [
	'type' => 'payPal',
	'sessionId' => 'TODO(payment-session-migrate): checkout.payment.session.id',
	'payPal' => [
		'returnUrl' => '/ok',
		'cancelUrl' => '/cancel',
	],
];
echo json_encode(['payload' => $payload]);
?>