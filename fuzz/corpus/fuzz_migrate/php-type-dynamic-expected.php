<?php
class DynamicPayloads
{
    public function fromRequest($request, $quote)
    {
        $method = $request->getParam('method');
        $payload = [
            'type' => $method,
            'sessionId' => "TODO(payment-session-migrate): checkout.payment.session.id",
            'payPal' => ['returnUrl' => '/ok', 'cancelUrl' => '/cancel'],
        ];
        return $this->json->setData(['payload' => $payload]);
    }

    public function fromConfig($quote)
    {
        $payload = [
            'type' => $this->config->getMethodCode(),
            'amount' => $quote->getGrandTotal(),
            'currency' => $quote->getQuoteCurrencyCode(),
            'owner' => $this->owner($quote),
            'klarnaCredit' => ['returnUrl' => '/k', 'locale' => 'de_DE'],
            'directDebit' => ['returnUrl' => '/d'],
        ];
        return $this->json->setData(['payload' => $payload]);
    }
}
