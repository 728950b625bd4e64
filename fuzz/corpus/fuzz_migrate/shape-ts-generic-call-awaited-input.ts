import type { DigitalRiverInstance, SourceData, SourceResult } from './types/digitalriver';

declare const dr: DigitalRiverInstance;

export async function payWithSepa(owner: Owner, total: number): Promise<string> {
  const payload: SourceData = {
    type: 'directDebit',
    owner,
    amount: total,
    currency: 'EUR',
    directDebit: { returnUrl: `${location.origin}/sepa/return` },
  };
  const { source } = await dr.createSource<SourceResult>(payload);
  return source!.id;
}
