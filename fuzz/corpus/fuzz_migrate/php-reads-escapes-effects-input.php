<?php
class GuardedPayloads
{
    public function limitChecked($quote)
    {
        $payload = [
            'type' => 'payPal',
            'amount' => $quote->getGrandTotal(),
            'currency' => $quote->getQuoteCurrencyCode(),
            'payPal' => ['returnUrl' => '/ok', 'cancelUrl' => '/cancel'],
        ];
        if ($payload['amount'] > $this->config->getPaypalLimit()) {
            throw new \RuntimeException('PayPal limit exceeded');
        }
        return $this->json->setData(['payload' => $payload]);
    }

    public function logged($quote)
    {
        $payload = [
            'type' => 'konbini',
            'amount' => $quote->getGrandTotal(),
            'currency' => 'JPY',
            'konbini' => ['storeId' => '010'],
        ];
        $this->logger->debug('konbini source', $payload);
        return $this->json->setData(['payload' => $payload]);
    }

    public function sentToErp($quote)
    {
        $payload = ['type' => 'wireTransfer', 'amount' => $quote->getGrandTotal(), 'currency' => 'EUR'];
        $this->erpClient->post('/payments', json_encode($payload));
        return $this->json->setData(['payload' => $payload]);
    }

    public function lockingTotal($quote)
    {
        return $this->json->setData(['payload' => [
            'type' => 'codJapan',
            'amount' => $this->totals->lockAndCollect($quote),
            'currency' => 'JPY',
        ]]);
    }

    public function itemsCounter($quote)
    {
        $n = 0;
        $payload = [
            'type' => 'payPalCredit',
            'amount' => $quote->getGrandTotal(),
            'currency' => 'USD',
            'payPal' => ['returnUrl' => '/ok', 'items' => $this->lines($quote, $n++)],
        ];
        return $this->json->setData(['payload' => $payload, 'lines' => $n]);
    }
}
