// Zahlung per Rechnung / Lastschrift
import { dr } from './dr-instance';

export function sepa(owner, warenkorb) {
	const zahlung = {
		type: 'directDebit',
		amount: warenkorb.summe,	// Brutto
		currency: 'EUR',
		owner,
		directDebit: {
			returnUrl: '/kasse/zurück',
		},
	};
	return dr.createSource(zahlung);
}
