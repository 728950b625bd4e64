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
            'sessionId' => "TODO(payment-session-migrate): checkout.payment.session.id",
            'wireTransfer' => [],
        ]];
    }

    public function online(array $order): string
    {
        $payload = [
            'type' => static::ONLINE_BANKING,
            'sessionId' => "TODO(payment-session-migrate): checkout.payment.session.id",
            'onlineBanking' => ['bankCode' => $order['bank']],
        ];
        return json_encode($payload);
    }

    public function korea(array $order): void
    {
        wp_send_json_success([
            'transfer' => ['type' => BANK_TRANSFER, 'sessionId' => "TODO(payment-session-migrate): checkout.payment.session.id"],
            'payco' => ['type' => ACME_PAYCO, 'sessionId' => "TODO(payment-session-migrate): checkout.payment.session.id", 'payco' => ['returnUrl' => '/r']],
        ]);
    }
}
