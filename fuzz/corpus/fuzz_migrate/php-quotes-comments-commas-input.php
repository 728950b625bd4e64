<?php
// Quote styles, comments and commas as people write them.
function dr_payco_payload($order)
{
    $payload = array(
        "type" => "payco",   // Korea
        "amount" => $order->get_total(), # charged by the session now
        "currency" => "KRW",
        /* the return page */
        "payco" => array("returnUrl" => site_url("/payco/return"))
    );
    wp_send_json(array("payload" => $payload));
}

function dr_wire_payload($order)
{
    $payload = ['type'=>'wireTransfer', 'owner'=>dr_owner($order), 'amount'=>$order->get_total(), 'currency'=>'EUR'];
    wp_send_json(['payload' => $payload]);
}

function dr_sepa_payload($order)
{
    $payload = [
        'type' => 'directDebit',
        'directDebit' => ['returnUrl' => '/sepa'],
        'currency' => 'EUR',
        'amount' => $order->get_total()
    ];
    wp_send_json(['payload' => $payload]);
}
