<?php
class PiecewiseWrites
{
    public function klarnaRecurring($quote)
    {
        $payload = ['type' => 'klarnaCreditRecurring', 'sessionId' => 'TODO(payment-session-migrate): checkout.payment.session.id', 'klarnaCreditRecurring' => ['returnUrl' => '/ok']];
        return $this->json->setData(['payload' => $payload]);
    }

    public function bpay($quote)
    {
        $payload = ['type' => 'bPay', 'sessionId' => 'TODO(payment-session-migrate): checkout.payment.session.id', 'bPay' => ['reference' => $quote->getReservedOrderId()]];
        $payload['amount'] = $total = $quote->getGrandTotal();
        $this->session->setLastTotal($total);
        return $this->json->setData(['payload' => $payload]);
    }

    public function billing($quote)
    {
        $payload = ['type' => 'payPalBilling', 'sessionId' => 'TODO(payment-session-migrate): checkout.payment.session.id', 'payPalBilling' => ['returnUrl' => '/b']];
        $payload['payPalBilling']['shipping'] .= $this->shippingNote($quote);
        return $this->json->setData(['payload' => $payload]);
    }
}
