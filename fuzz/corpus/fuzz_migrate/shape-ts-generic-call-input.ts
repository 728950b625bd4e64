import { DigitalRiverInstance, SourceData, SourceResult } from '@/types/dr';

export class PaymentService {
  private readonly dr: DigitalRiverInstance;

  constructor(key: string) {
    this.dr = new DigitalRiver(key);
  }

  async sepa(owner: Owner, total: number): Promise<SourceResult> {
    const payload: SourceData = {
      type: 'directDebit',
      owner,
      amount: total,
      currency: 'EUR',
      directDebit: { returnUrl: `${location.origin}/sepa/return` },
    };
    return this.dr.createSource<SourceResult>(payload);
  }

  konbini(storeId: string, total: number) {
    return this.dr.createSource<SourceResult>({ type: 'konbini', amount: total, konbini: { storeId } });
  }
}
