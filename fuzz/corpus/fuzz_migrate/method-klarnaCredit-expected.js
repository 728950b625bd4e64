import { toKlarnaItems } from './klarna-helpers';

export function payLaterWithKlarna(digitalRiver, basket, account) {
  const klarnaPayload = {
    type: 'klarnaCredit',
    sessionId: checkout.payment.session.id,
    owner: {
      firstName: account.firstName,
      lastName: account.lastName,
      email: account.email,
      phoneNumber: account.phone,
      address: account.address
    },
    klarnaCredit: {
      returnUrl: 'https://www.example-outdoor.de/checkout/klarna/ok',
      cancelUrl: 'https://www.example-outdoor.de/checkout/klarna/abbruch'
    }
  };

  return digitalRiver.createSource(klarnaPayload);
}
