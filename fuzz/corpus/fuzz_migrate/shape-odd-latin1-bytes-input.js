/* Paiement par virement - référence client */
var virement = {
  type: 'wireTransfer',
  amount: panier.total, // montant TTC en ¤
  currency: 'EUR',
  owner: { firstName: 'Renée', lastName: panier.nom },
};
digitalriver.createSource(virement).then(afficherInstructions);
