<?php
class MigratedPayloads
{
    public function paypal($quote)
    {
        return $this->json->setData(['payload' => [
            'type' => 'payPal',
            'sessionId' => $this->checkoutSession->getDrPaymentSessionId(),
            'payPal' => ['returnUrl' => '/ok', 'cancelUrl' => '/cancel'],
        ]]);
    }

    public function konbini($quote)
    {
        return $this->json->setData(['payload' => [
            'type' => 'konbini',
            'sessionId' => 'TODO(payment-session-migrate): checkout.payment.session.id',
            'konbini' => ['storeId' => '010'],
        ]]);
    }

    public function sepa($quote)
    {
        return $this->json->setData(['payload' => [
            'type' => 'directDebit',
            'sessionId' => $this->checkoutSession->getDrPaymentSessionId(),
            'directDebit' => ['returnUrl' => '/sepa'],
        ]]);
    }
}
