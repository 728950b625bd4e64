<?php
// A controller that hands the page its payment source payload as JSON.
// The session id comes through a variable, a conditional merge, or is
// taken out again for a legacy flow.
class PreparePayment
{
    public function payPal($quote, $useSessions)
    {
        $sessionId = $useSessions ? $this->session->getDrPaymentSessionId() : null;
        $payload = [
            'type' => 'payPal',
            'sessionId' => $sessionId,
            'amount' => $quote->getGrandTotal(),
            'currency' => $quote->getQuoteCurrencyCode(),
            'payPal' => ['returnUrl' => '/paypal/return', 'cancelUrl' => // Side effects in removed values and statements stay.
const dr = DigitalRiver('pk_test');
let n = 0;

function effects(cart, items, i) {
  const payload = {
    type: 'payPal',
    amount: cart.lockTotal(),
    currency: (n++, 'JPY'),
    payPal: { returnUrl: '/ok', cancelUrl: '/no', items: items[i++], taxAmount: tag`tax` },
  };
  return dr.createSource(payload);
}

function deletingStatement(cart) {
  const payload = { type: 'payPal', payPal: { returnUrl: '/ok', cancelUrl: '/no' } };
  payload.amount = delete cart.cache;
  return dr.createSource(payload);
}

class Cart {
  get total() { this.reads++; return 3; }
}

function getter(cart) {
  return dr.createSource({ type: 'payPal', amount: cart.total, currency: 'USD',
    payPal: { returnUrl: '/ok', cancelUrl: '/no' } });
}

function pureValues(cart, lines) {
  return dr.createSource({ type: 'payPal', amount: cart.subtotal.toFixed(2), currency: String(cart.cur),
    payPal: { returnUrl: '/ok', cancelUrl: '/no', items: lines.map((l) => ({ name: l.name })) } });
}
etData(['payload' => $payload]);
    }

    public function sepa($quote, $legacyFlow)
    {
        $payload = [
            'type' => 'directDebit',
            'sessionId' => $this->session->getDrPaymentSessionId(),
            'amount' => $quote->getGrandTotal(),
            'currency' => 'EUR',
        ];
        if ($legacyFlow) {
            unset($payload['sessionId']);
        }
        return $this->json->setData(['payload' => $payload]);
    }

    // Set on every path: these migrate.
    public function bPay($quote)
    {
        $drSession = $this->session->getDrPaymentSessionId();
        $payload = [
            'type' => 'bPay',
            'sessionId' => $drSession,
        ];
        return $this->json->setData(['payload' => $payload]);
    }

    public function paycoMerged($quote)
    {
        $payload = [
            'type' => 'payco',
        ];
        $payload = array_merge($payload, ['sessionId' => $this->session->getDrPaymentSessionId()]);
        return $this->json->setData(['payload' => $payload]);
    }
    // `false` from a getter, a parameter emptied here: review.
    public function konbini($quote)
    {
        $payload = [
            'type' => 'konbini',
            'sessionId' => $quote->hasSession() ? $this->session->getDrPaymentSessionId() : false,
            'amount' => $quote->getGrandTotal(),
            'currency' => 'JPY',
        ];
        return $this->json->setData(['payload' => $payload]);
    }

    public function codJapan($quote, $sessionId)
    {
        if (!$quote->hasSession()) {
            $sessionId = null;
        }
        $payload = [
            'type' => 'codJapan',
            'sessionId' => $sessionId,
            'amount' => $quote->getGrandTotal(),
            'currency’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’' => 'JPY',
        ];
        return $this->json->setData(['payload' => $payload]);
    }

    // A parameter the function keeps as given: the caller's to set.
    public function payco($quote, $sessionId)
    {
        $payload = [
            'type' => 'payco',
            'sessionId' => $sessionId,
        ];
        return $this->json->setData(['payload' => $payload]);
    }
    // A private helper that gives null without a session: review. Both
    // branches of an if setting it: on every path.
    private function drSessionId($quote)
    {
        if (!$quote->hasSession()) {
            return null;
        }
        return $this->session->getDrPaymentSessionId();
    }

    public function onlineBanking($quote)
    {
        $payload = [
            'type' => 'onlineBanking',
            'sessionId' => $this->drSessionId($quote),
            'amount' => $quote->getGrandTotal(),
            'currency' => 'EUR',
        ];
        return $this->json->setData(['payload' => $payload]);
    }

    public function bankTransfer($quote)
    {
        if ($quote->hasSession()) {
            $sid = $this->session->getDrPaymentSessionId();
        } else {
            $sid = $this->session->startDrPaymentSession();
        }
        $payload = [
            'type' => 'bankTransfer',
            'sessionId' => $sid,
        ];
        return $this->json->setData(['payload' => $payload]);
    }
}
