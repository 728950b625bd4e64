import type { DigitalRiverInstance, SourceData } from './types/digitalriver';

declare const dr: DigitalRiverInstance;

export async function payWithSepa(owner: Owner, total: number): Promise<Source> {
  const payload: SourceData = {
    type: 'directDebit',
    owner,
    amount: total,
    currency: 'EUR',
    directDebit: { returnUrl: `${location.origin}/sepa/return` },
  };
  const { source } = await dr.createSource(payload);
  return source!;
}

const konbiniDefaults = {
  type: 'konbini',
  currency: 'JPY',
} as const;

export const payKonbini = () => dr.createSource(konbiniDefaults as SourceData);

export function payWire(owner: Owner) {
  const wire = {
    type: 'wireTransfer',
    owner,
    amount: 10,
  } satisfies SourceData;
  return dr.createSource(wire);
}
