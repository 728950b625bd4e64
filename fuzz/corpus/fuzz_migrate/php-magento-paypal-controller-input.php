<?php
/**
 * Returns the PayPal source data the storefront hands to DigitalRiver.js.
 */
declare(strict_types=1);

namespace Acme\DigitalRiverPay\Controller\Paypal;

use Magento\Checkout\Model\Session as CheckoutSession;
use Magento\Framework\App\Action\HttpPostActionInterface;
use Magento\Framework\Controller\Result\JsonFactory;
use Magento\Framework\UrlInterface;

class SourcePayload implements HttpPostActionInterface
{
    public function __construct(
        private readonly CheckoutSession $checkoutSession,
        private readonly JsonFactory $resultJsonFactory,
        private readonly UrlInterface $urlBuilder
    ) {
    }

    public function execute()
    {
        $quote = $this->checkoutSession->getQuote();
        $response = ['success' => false];

        if (!$quote->getItemsCount()) {
            return $this->resultJsonFactory->create()->setData($response);
        }

        $response['payload'] = [
            'type'     => 'payPal',
            'amount'   => (float) $quote->getGrandTotal(),
            'currency' => $quote->getQuoteCurrencyCode(),
            'payPal'   => [
                'returnUrl'       => $this->urlBuilder->getUrl('drpay/paypal/success'),
                'cancelUrl'       => $this->urlBuilder->getUrl('drpay/paypal/cancel'),
                'items'           => $this->getPaypalItems($quote),
                'taxAmount'       => $quote->getShippingAddress()->getTaxAmount(),
                'shippingAmount'  => $quote->getShippingAddress()->getShippingAmount(),
                'requestShipping' => false,
            ],
        ];
        $response['success'] = true;

        return $this->resultJsonFactory->create()->setData($response);
    }

    private function getPaypalItems($quote): array
    {
        $items = [];
        foreach ($quote->getAllVisibleItems() as $item) {
            $items[] = [
                'name'       => $item->getName(),
                'quantity'   => (int) $item->getQty(),
                'unitAmount' => round((float) $item->getPrice(), 2),
            ];
        }
        return $items;
    }
}
