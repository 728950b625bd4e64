const paycoPayload = {
  type: `payco`,
  sessionId: `TODO(payment-session-migrate): checkout.payment.session.id`,
  owner: cart.owner,
};

digitalriver.createSource(paycoPayload);
digitalriver.createSource({ type: `konbini`, sessionId: `TODO(payment-session-migrate): checkout.payment.session.id`, owner: cart.owner });
