<?php
// Quote styles, comments and commas as people write them.
function dr_payco_payload($order)
{
    $payload = array(
        "type" => "payco",   // Korea
        "sessionId" => "TODO(payment-session-migrate): checkout.payment.session.id",
        /* the return page */
        "payco" => array("returnUrl" => site_url("/payco/return"))
    );
    wp_send_json(array("payload" => $payload));
}

function dr_wire_payload($order)
{
    $payload = ['type'=>'wireTransfer', 'sessionId'=>'TODO(payment-session-migrate): checkout.payment.session.id', 'owner'=>dr_owner($order)];
    wp_send_json(['payload' => $payload]);
}

function dr_sepa_payload($order)
{
    $payload = [
        'type' => 'directDebit',
        'sessionId' => 'TODO(payment-session-migrate): checkout.payment.session.id',
        'directDebit' => ['returnUrl' => '/sepa']
    ];
    wp_send_json(['payload' => $payload]);
}
