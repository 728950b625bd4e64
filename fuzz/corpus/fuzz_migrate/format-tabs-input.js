export default {
	methods: {
		submitGiro(dr) {
			const giro = {
				type: "directDebit",
				amount: this.total,
				currency: this.currency,
				owner: this.owner,
				directDebit: {
					returnUrl: this.sepaReturnUrl
				}
			};
			return dr.createSource(giro);
		},
	},
};
