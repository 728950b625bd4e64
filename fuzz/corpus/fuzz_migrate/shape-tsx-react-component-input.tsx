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
      amount: cart.total,
      currency: cart.currency,
      payPal: {
        returnUrl: window.location.href,
        cancelUrl: window.location.href,
        items: cart.items.map((i) => ({ name: i.name, quantity: i.qty, unitAmount: i.price })),
        requestShipping: cart.needsShipping,
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
