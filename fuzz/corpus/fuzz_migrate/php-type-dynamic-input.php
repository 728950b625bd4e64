<?php
class DynamicPayloads
{
    public function fromRequest($request, $quote)
    {
        $method = $request->getParam('method');
        $payload = [
            'type' => $method,
            'amount' => $quote->getGrandTotal(),
            'currency' => $quote->getQuoteCurrencyCode(),
            'payPal' => ['returnUrl' => '/ok', 'cancelUrl' => '/cancel', 'items' => []],
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
