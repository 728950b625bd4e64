const paycoPayload = {
  type: `payco`,
  amount: cart.total,
  owner: cart.owner,
};

digitalriver.createSource(paycoPayload);
digitalriver.createSource({ type: `konbini`, currency: `JPY`, owner: cart.owner });
