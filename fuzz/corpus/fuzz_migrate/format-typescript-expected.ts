import type { DigitalRiver, SourceRequest } from '@/types/digitalriver';

interface CartTotals {
  grand: number;
  currency: string;
}

export class KlarnaCheckout {
  constructor(private readonly drjs: DigitalRiver, private totals: CartTotals) {}

  start(returnUrl: string, cancelUrl: string): Promise<unknown> {
    const request: SourceRequest = {
      type: 'klarnaCredit',
      sessionId: checkout.payment.session.id,
      klarnaCredit: {
        returnUrl,
        cancelUrl,
      },
    };
    return this.drjs.createSource(request);
  }

  startWire(): Promise<unknown> {
    return this.drjs!.createSource({
      type: 'wireTransfer',
      sessionId: checkout.payment.session.id,
    } as SourceRequest);
  }
}
