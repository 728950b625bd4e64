import { defaultSepaPayload } from './payloads/sepa';
import api from './api';

const drjs = new DigitalRiver(DR_KEY);

export function payDefaultSepa() {
  return drjs.createSource(defaultSepaPayload);
}

export async function payServerPrepared(cartId) {
  const response = await api.post('/dr/source-payload', { cartId });
  return drjs.createSource(response.content.payload);
}

export class StoredMethod {
  constructor(sourceData) {
    this.sourceData = sourceData;
  }

  setTotal(total) {
    this.sourceData['amount'] = total;
  }

  submit() {
    return drjs.createSource(this.sourceData);
  }
}
