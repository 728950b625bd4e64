<?php
// A first run left its placeholder in one array; this run is given the
// PHP expression for the session id.
class SessionPayloads
{
    public function konbini($quote)
    {
        return $this->json->setData(['payload' => [
            'type' => 'konbini',
            'sessionId' => $this->checkoutSession->getDrPaymentSessionId(),
            'konbini' => ['storeId' => '010'],
        ]]);
    }

    public function wire($quote)
    {
        $payload = [
            "type"     => "wireTransfer",
            "sessionId" => $this->checkoutSession->getDrPaymentSessionId(),
        ];
        return $this->json->setData(["payload" => $payload]);
    }
}
