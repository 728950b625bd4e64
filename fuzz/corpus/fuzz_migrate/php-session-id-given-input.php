<?php
// A first run left its placeholder in one array; this run is given the
// PHP expression for the session id.
class SessionPayloads
{
    public function konbini($quote)
    {
        return $this->json->setData(['payload' => [
            'type' => 'konbini',
            'sessionId' => 'TODO(payment-session-migrate): checkout.payment.session.id',
            'konbini' => ['storeId' => '010'],
        ]]);
    }

    public function wire($quote)
    {
        $payload = [
            "type"     => "wireTransfer",
            "amount"   => $quote->getGrandTotal(),
            "currency" => $quote->getQuoteCurrencyCode(),
        ];
        return $this->json->setData(["payload" => $payload]);
    }
}
