<?php
namespace Acme\Pay;

const BANK_TRANSFER = 'bankTransfer';
define('ACME_PAYCO', "payco");

interface MethodCodes
{
    const WIRE = 'wireTransfer';
}

final class BankPayloads implements MethodCodes
{
    private const ONLINE_BANKING = 'onlineBanking';

    public function wire(array $order): array
    {
        return ['payload' => [
            'type' => self::WIRE,
            'amount' => $order['total'],
            'currency' => $order['currency'],
            'wireTransfer' => [],
        ]];
    }

    public function online(array $order): string
    {
        $payload = [
            'type' => static::ONLINE_BANKING,
            'amount' => $order['total'],
            'currency' => $order['currency'],
            'onlineBanking' => ['bankCode' => $order['bank']],
        ];
        return json_encode($payload);
    }

    public function korea(array $order): void
    {
        wp_send_json_success([
            'transfer' => ['type' => BANK_TRANSFER, 'amount' => $order['total'], 'currency' => 'KRW'],
            'payco' => ['type' => ACME_PAYCO, 'amount' => $order['total'], 'currency' => 'KRW', 'payco' => ['returnUrl' => '/r']],
        ]);
    }
}
