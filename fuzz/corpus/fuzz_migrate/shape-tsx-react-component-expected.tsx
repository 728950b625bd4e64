import React, { useCallback } from 'react';
import { useDigitalRiver } from '../hooks/useDigitalRiver';

interface Props {
  cart: Cart;
  onSource: (s: Source) => void;
}

export const PayPalButton: React.FC<Props> = ({ cart, onSource }) => {
  const digitalRiver = useDigitalRiver();

  const handleClick = useCallback(async () => {
    const result = await digitalRiver.createSource({
      type: 'payPal',
      sessionId: checkout.payment.session.id,
      payPal: {
        returnUrl: window.location.href,
        cancelUrl: window.location.href,
      },
    });
    onSource(result.source);
  }, [cart, digitalRiver, onSource]);

  return (
    <button className="paypal-btn" onClick={handleClick} disabled={!cart.items.length}>
      Pay with <strong>PayPal</strong>
    </button>
  );
};
