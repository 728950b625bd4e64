class Checkout {
  createSource(type) { return this.dr.createSource({type, amount: 1}); }
  pay() { return this.createSource('payPal'); }
}
other.createSource('x');
