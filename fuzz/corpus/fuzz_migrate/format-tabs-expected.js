export default {
	methods: {
		submitGiro(dr) {
			const giro = {
				type: "directDebit",
				sessionId: checkout.payment.session.id,
				owner: this.owner,
				directDebit: {
					returnUrl: this.sepaReturnUrl
				}
			};
			return dr.createSource(giro);
		},
	},
};
