// Typed helpers around DigitalRiver.js used by the React shop.

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  postalCode: string;
  country: string;
}

export interface Owner {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
  address: Address;
}

export interface SourceData {
  type: string;
  amount?: number;
  currency?: string;
  owner?: Owner;
  [method: string]: unknown;
}

export interface Checkout {
  id: string;
  payment: { session: { id: string } };
}

export interface CartSummary {
  total: number;
  currency: string;
  tax: number;
}

interface DigitalRiverLike {
  createSource(data: SourceData): Promise<{ error?: { errors: { message: string }[] }; source?: { id: string } }>;
}

declare const digitalriver: DigitalRiverLike;

export async function createDirectDebitSource(checkout: Checkout, cart: CartSummary, owner: Owner): Promise<string> {
  const payload: SourceData = {
    type: 'directDebit',
    amount: cart.total,
    currency: cart.currency,
    owner,
    directDebit: {
      returnUrl: `${window.location.origin}/sepa/return?checkout=${checkout.id}`,
    },
  };

  const result = await digitalriver.createSource(payload);
  if (result.error || !result.source) {
    throw new Error(result.error?.errors[0]?.message ?? 'createSource failed');
  }
  return result.source.id;
}

export function createPayPalSource(checkout: Checkout, cart: CartSummary): Promise<string> {
  return digitalriver
    .createSource({
      type: 'payPal',
      amount: cart.total,
      currency: cart.currency as string,
      payPal: {
        returnUrl: `${window.location.origin}/paypal/return?checkout=${checkout.id}`,
        cancelUrl: `${window.location.origin}/paypal/cancel`,
        taxAmount: cart.tax,
        requestShipping: false,
      },
    } satisfies SourceData)
    .then((r) => r.source!.id);
}
