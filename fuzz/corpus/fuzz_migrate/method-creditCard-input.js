// storefront/js/card-payment.js
import { mountCardFields } from './card-fields';

const cardFields = mountCardFields(digitalriver, '#card-slot');

export function submitCard(customer) {
  const cardRequest = {
    type: 'creditCard',
    owner: {
      firstName: customer.givenName,
      lastName: customer.familyName,
      email: customer.email,
      address: {
        line1: customer.street,
        city: customer.city,
        postalCode: customer.zip,
        country: customer.countryCode
      }
    }
  };

  return digitalriver.createSource(cardFields.number, cardRequest).then((res) => {
    if (res.error) {
      throw new Error(res.error.errors[0].message);
    }
    return res.source.id;
  });
}
