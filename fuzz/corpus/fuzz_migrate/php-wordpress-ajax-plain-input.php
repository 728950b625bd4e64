<?php
/**
 * Plugin Name: Acme DigitalRiver for WooCommerce
 */

add_action('wp_ajax_acme_dr_source', 'acme_dr_source');
add_action('wp_ajax_nopriv_acme_dr_source', 'acme_dr_source');

function acme_dr_source()
{
    check_ajax_referer('acme-dr');
    $cart = WC()->cart;
    $payload = array(
        'type' => 'codJapan',
        'amount' => $cart->get_total('edit'),
        'currency' => get_woocommerce_currency(),
        'owner' => acme_dr_owner(WC()->customer),
    );
    wp_send_json_success(array('payload' => $payload));
}

function acme_dr_owner($customer)
{
    return array(
        'firstName' => $customer->get_billing_first_name(),
        'lastName' => $customer->get_billing_last_name(),
        'email' => $customer->get_billing_email(),
    );
}
