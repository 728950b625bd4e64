// 代金引換 (cash on delivery) for JP storefront
const codButton = $('#pay-cod');

codButton.on('click', async () => {
  const cart = await fetchCart();
  const codPayload = {
    type: 'codJapan',
    amount: cart.totalYen,
    owner: {
      firstName: cart.customer.mei,
      lastName: cart.customer.sei,
      email: cart.customer.email,
      phoneNumber: cart.customer.tel,
      address: cart.customer.address,
    },
  };
  const res = await digitalriver.createSource(codPayload);
  await attachSource(res.source);
});
