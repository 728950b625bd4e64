<?php $k = "pk"; ?>
<script>
var key = "<?= $k ?>";
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
      amount: this.totals.grand,
      currency: this.totals.currency,
      klarnaCredit: {
        returnUrl,
        cancelUrl,
        locale: navigator.language.replace('-', '_'),
      },
    };
    return this.drjs.createSource(request);
  }

  startWire(): Promise<unknown> {
    return this.drjs!.createSource({
      type: 'wireTransfer',
      amount: this.totals.grand,
      currency: this.totals.currency,
    } as SourceRequest);
  }
}
</script>
