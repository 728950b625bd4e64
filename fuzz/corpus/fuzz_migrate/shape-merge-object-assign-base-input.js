import { checkoutDefaults } from './defaults';

export function payKonbini(digitalriver, storeId, total) {
  return digitalriver.createSource(Object.assign({}, checkoutDefaults, {
    type: 'konbini',
    amount: total,
    konbini: { storeId },
  }));
}
