<?php
namespace Acme\DrPay\Controller\Checkout;

class LocalMethods extends \Magento\Framework\App\Action\Action
{
    /**
     * The fields every bank method shares.
     */
    private function basePayload(string $type, $quote): array
    {
        return [
            'type' => $type,
            'sessionId' => "TODO(payment-session-migrate): checkout.payment.session.id",
            'owner' => $this->ownerOf($quote),
        ];
    }

    public function konbini()
    {
        $quote = $this->session->getQuote();
        $payload = $this->basePayload('konbini', $quote);
        $payload['konbini'] = ['storeId' => $this->getRequest()->getParam('store_id')];
        return $this->jsonFactory->create()->setData(['payload' => $payload]);
    }

    public function directDebit()
    {
        $quote = $this->session->getQuote();
        $payload = $this->basePayload('directDebit', $quote);
        $payload['directDebit'] = [
            'returnUrl' => $this->_url->getUrl('drpay/sepa/return'),
        ];
        return $this->jsonFactory->create()->setData(['payload' => $payload]);
    }

    private function ownerOf($quote): array
    {
        $address = $quote->getBillingAddress();
        return ['firstName' => $address->getFirstname(), 'lastName' => $address->getLastname()];
    }
}
