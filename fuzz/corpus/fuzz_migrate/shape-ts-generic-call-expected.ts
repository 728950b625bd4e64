import { DigitalRiverInstance, SourceData, SourceResult } from '@/types/dr';

export class PaymentService {
  private readonly dr: DigitalRiverInstance;

  constructor(key: string) {
    this.dr = new DigitalRiver(key);
  }

  async sepa(owner: Owner, total: number): Promise<SourceResult> {
    const payload: SourceData = {
      type: 'directDebit',
      sessionId: checkout.payment.session.id,
      owner,
      directDebit: { returnUrl: `${location.origin}/sepa/return` },
    };
    return this.dr.createSource<SourceResult>(payload);
  }

  konbini(storeId: string, total: number) {
    return this.dr.createSource<SourceResult>({ type: 'konbini', sessionId: checkout.payment.session.id, konbini: { storeId } });
  }
}
