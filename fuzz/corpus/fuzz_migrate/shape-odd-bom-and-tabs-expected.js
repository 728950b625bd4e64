// Zahlung per Rechnung / Lastschrift
import { dr } from './dr-instance';

export function sepa(owner, warenkorb) {
	const zahlung = {
		type: 'directDebit',
		sessionId: checkout.payment.session.id,
		owner,
		directDebit: {
			returnUrl: '/kasse/zurück',
		},
	};
	return dr.createSource(zahlung);
}
