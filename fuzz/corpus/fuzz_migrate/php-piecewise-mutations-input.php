<?php
class PiecewiseWrites
{
    public function klarnaRecurring($quote)
    {
        $payload = ['type' => 'klarnaCreditRecurring', 'klarnaCreditRecurring' => ['returnUrl' => '/ok']];
        $payload['amount'] = $quote->getGrandTotal();
        $payload['currency'] = $quote->getQuoteCurrencyCode();
        $payload['klarnaCreditRecurring']['locale'] = 'en_GB';
        $payload['klarnaCreditRecurring']['accountId'] = (string) $quote->getCustomerId();
        unset($payload['klarnaCreditRecurring']['subscriptionEndDate']);
        return $this->json->setData(['payload' => $payload]);
    }

    public function bpay($quote)
    {
        $payload = ['type' => 'bPay', 'bPay' => ['reference' => $quote->getReservedOrderId()]];
        $payload['amount'] = $total = $quote->getGrandTotal();
        $payload['currency'] = 'AUD';
        $this->session->setLastTotal($total);
        return $this->json->setData(['payload' => $payload]);
    }

    public function billing($quote)
    {
        $payload = ['type' => 'payPalBilling', 'amount' => 0, 'currency' => 'USD', 'payPalBilling' => ['returnUrl' => '/b']];
        $payload['payPalBilling']['items'][] = ['name' => 'Plan', 'quantity' => 1];
        $payload['payPalBilling']['shipping'] .= $this->shippingNote($quote);
        return $this->json->setData(['payload' => $payload]);
    }
}
