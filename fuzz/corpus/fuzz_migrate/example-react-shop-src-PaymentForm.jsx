import React from 'react';
import PropTypes from 'prop-types';

export default class PaymentForm extends React.Component {
  constructor(props) {
    super(props);
    this.state = { submitting: false, error: null };
    this.cardNumber = null;
    this.handleSubmit = this.handleSubmit.bind(this);
  }

  componentDidMount() {
    const { digitalRiver } = this.props;
    this.cardNumber = digitalRiver.createElement('cardnumber', {});
    this.cardNumber.mount('rs-card-number');
    digitalRiver.createElement('cardexpiration', {}).mount('rs-card-expiration');
    digitalRiver.createElement('cardcvv', {}).mount('rs-card-cvv');
  }

  componentWillUnmount() {
    if (this.cardNumber) this.cardNumber.destroy();
  }

  handleSubmit(event) {
    event.preventDefault();
    const { customer, checkout, onSource } = this.props;
    this.setState({ submitting: true, error: null });

    this.props.digitalRiver
      .createSource(this.cardNumber, {
        type: 'creditCard',
        owner: {
          firstName: customer.firstName,
          lastName: customer.lastName,
          email: customer.email,
          address: customer.address,
        },
      })
      .then((result) => {
        if (result.error) {
          this.setState({ error: result.error.errors[0].message });
        } else {
          onSource(checkout.id, result.source);
        }
      })
      .finally(() => this.setState({ submitting: false }));
  }

  render() {
    const { submitting, error } = this.state;
    return (
      <form className="payment-form" onSubmit={this.handleSubmit}>
        <label htmlFor="rs-card-number">Card number</label>
        <div id="rs-card-number" className="dr-field" />
        <div className="payment-form__row">
          <div id="rs-card-expiration" className="dr-field" />
          <div id="rs-card-cvv" className="dr-field" />
        </div>
        {error && <p className="payment-form__error" role="alert">{error}</p>}
        <button type="submit" disabled={submitting}>
          {submitting ? 'Processing…' : `Pay ${this.props.total}`}
        </button>
      </form>
    );
  }
}

PaymentForm.propTypes = {
  digitalRiver: PropTypes.object.isRequired,
  customer: PropTypes.object.isRequired,
  checkout: PropTypes.shape({ id: PropTypes.string.isRequired }).isRequired,
  total: PropTypes.string.isRequired,
  onSource: PropTypes.func.isRequired,
};
