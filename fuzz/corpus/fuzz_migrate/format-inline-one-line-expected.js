const wireBtn = document.getElementById('wire');
wireBtn.onclick = () => digitalriver.createSource({ type: 'wireTransfer', sessionId: checkout.payment.session.id, owner: buyer }).then(onSource);

export const payco = (dr, o) => dr.createSource({ type: 'payco', sessionId: checkout.payment.session.id, owner: o.owner, payco: { returnUrl: o.back } });

export const quickPayPal = (dr, links) => dr.createSource({ type: 'payPal', sessionId: checkout.payment.session.id, payPal: { returnUrl: links.ok, cancelUrl: links.back } });
