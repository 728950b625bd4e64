<?php
// An older connector: long array() syntax, the payload built step by step.
class Acme_DrPay_KlarnaController extends Mage_Core_Controller_Front_Action
{
    const SOURCE_TYPE = 'klarnaCredit';

    public function payloadAction()
    {
        $quote = Mage::getSingleton('checkout/session')->getQuote();
        $payload = array();
        $payload['type'] = self::SOURCE_TYPE;
        $payload['sessionId'] = "TODO(payment-session-migrate): checkout.payment.session.id";
        $payload['owner'] = array(
            'firstName' => $quote->getBillingAddress()->getFirstname(),
            'lastName'  => $quote->getBillingAddress()->getLastname(),
            'email'     => $quote->getCustomerEmail(),
        );
        $payload['klarnaCredit'] = array(
            'returnUrl' => Mage::getUrl('drpay/klarna/return'),
            'cancelUrl' => Mage::getUrl('drpay/klarna/cancel')
        );


        $this->getResponse()->setHeader('Content-Type', 'application/json');
        $this->getResponse()->setBody(Mage::helper('core')->jsonEncode(array('payload' => $payload)));
    }
}
