<?php
class CheckoutPayloads
{
    protected function start($method, $cart)
    {
        return array(
            'type' => $method,
            'amount' => $cart->getTotal(),
            'currency' => $cart->getCurrency(),
        );
    }

    public function card($cart)
    {
        $data = $this->start('creditCard', $cart);
        $data['creditCard'] = array('brand' => $cart->getCardBrand());
        echo json_encode(array('payload' => $data));
    }

    public function paypal($cart)
    {
        $data = $this->start('payPal', $cart);
        $data['payPal'] = array('returnUrl' => '/paypal/return', 'cancelUrl' => '/paypal/cancel');
        echo json_encode(array('payload' => $data));
    }
}
