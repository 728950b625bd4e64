/* Paiement par virement - référence client */
var virement = {
  type: 'wireTransfer',
  sessionId: checkout.payment.session.id,
  owner: { firstName: 'Renée', lastName: panier.nom },
};
digitalriver.createSource(virement).then(afficherInstructions);
