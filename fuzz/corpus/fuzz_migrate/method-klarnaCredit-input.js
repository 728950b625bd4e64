import { toKlarnaItems } from './klarna-helpers';

export function payLaterWithKlarna(digitalRiver, basket, account) {
  const klarnaPayload = {
    type: 'klarnaCredit',
    owner: {
      firstName: account.firstName,
      lastName: account.lastName,
      email: account.email,
      phoneNumber: account.phone,
      address: account.address
    },
    amount: basket.total.toFixed(2),
    klarnaCredit: {
      locale: 'de_DE',
      returnUrl: 'https://www.example-outdoor.de/checkout/klarna/ok',
      items: toKlarnaItems(basket.lines),
      accountId: account.id,
      accountCreatedDate: account.createdAt,
      taxAmount: basket.vat,
      discountAmount: basket.discount,
      shippingAmount: basket.freight,
      shipping: {
        recipient: account.fullName,
        phoneNumber: account.phone,
        address: basket.deliveryAddress,
        email: account.email
      },
      hasPaidBefore: account.orderCount > 0,
      accountUpdatedDate: account.updatedAt,
      cancelUrl: 'https://www.example-outdoor.de/checkout/klarna/abbruch',
      subscriptionDescription: 'Outdoor Club',
      subscriptionStartDate: '2024-01-01T00:00:00.000Z',
      subscriptionEndDate: '2025-01-01T00:00:00.000Z',
      autoRenewal: 'true',
      affiliateName: 'partner-network-7'
    },
    currency: basket.currency
  };

  return digitalRiver.createSource(klarnaPayload);
}
