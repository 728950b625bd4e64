import { readBillingForm } from '../forms/billing';

export function createSepaMandate(drInstance) {
  const form = readBillingForm();
  const sepaPayload = {
    "type": "directDebit",
    "sessionId": checkout.payment.session.id,
    "owner": {
      firstName: form.first,
      lastName: form.last,
      email: form.email,
      address: {
        line1: form.street,
        city: form.city,
        postalCode: form.postcode,
        country: "DE"
      }
    },
    "directDebit": {
      "returnUrl": "https://shop.example.de/kasse/sepa-zurueck"
    }
  };
  return drInstance.createSource(sepaPayload);
}
