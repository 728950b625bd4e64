const retryRequest = { type: 'wireTransfer', amount: 0, currency: 'EUR' };
describeFallback(retryRequest);

export async function payOrRecover(dr, primary) {
  try {
    return await dr.createSource(primary);
  } catch (retryRequest) {
    // our SDK wrapper throws the request it wants us to retry with
    return dr.createSource(retryRequest);
  }
}
