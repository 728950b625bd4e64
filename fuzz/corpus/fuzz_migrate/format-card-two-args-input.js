const cardNumber = digitalRiver.createElement('cardnumber', cardStyles);
const cardCvv = digitalRiver.createElement('cardcvv', cardStyles);

export function tokenizeCard(owner) {
  return digitalRiver.createSource(cardNumber, {
    type: "creditCard",
    owner: owner,
  });
}

const savedCardPayload = {
  type: "creditCard",
  owner: defaultOwner
};

export const reverifyCvv = () => digitalRiver.createSource(cardCvv, savedCardPayload);
