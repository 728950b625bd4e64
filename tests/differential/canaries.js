// Canaries: hand-written (original, migrated, report) triples with a known
// verdict, run by run.js before the generated programs (skip with
// --no-self-test). They make sure the harness can pass and can fail: a
// checker that silently stopped seeing differences, or started seeing ones
// that are not there, makes the run exit 3 instead of reporting a tool
// result.
'use strict';

const S = 'SESSION_ID';
const migrated = (line, method = 'payPal') => [{ line, method, status: 'migrated' }];

const CANARIES = [
  {
    name: 'correct payPal migration passes',
    original: `const payload = {
  type: 'payPal',
  amount: cart.total,
  currency: 'USD',
  payPal: { returnUrl: 'https://r', cancelUrl: 'https://c', items: [{ name: 'Mug' }], taxAmount: 1 }
};
showTotal(payload.payPal.returnUrl);
dr.createSource(payload).then(function (result) { receipt(result); });
`,
    migrated: `const payload = {
  type: 'payPal',
  sessionId: ${S},
  payPal: { returnUrl: 'https://r', cancelUrl: 'https://c' }
};
showTotal(payload.payPal.returnUrl);
dr.createSource(payload).then(function (result) { receipt(result); });
`,
    sites: migrated(8),
    expect: 'pass',
  },
  {
    name: 'card payload gaining sessionId, also serialised elsewhere, passes',
    original: `const payload = { type: 'creditCard', owner: { firstName: 'J' }, amount: 5 };
dr.createSource(cardElement, payload);
sendToServer(JSON.stringify(payload));
analytics.send(payload);
`,
    migrated: `const payload = { type: 'creditCard', sessionId: ${S}, owner: { firstName: 'J' }, amount: 5 };
dr.createSource(cardElement, payload);
sendToServer(JSON.stringify(payload));
analytics.send(payload);
`,
    sites: migrated(2, 'creditCard'),
    expect: 'pass',
  },
  {
    name: 'needs-review site may send another payload if nothing else changes',
    original: `const payload = { type: 'konbini', amount: 5, currency: 'JPY' };
dr.createSource(payload);
`,
    migrated: `const payload = { type: 'konbini', sessionId: ${S}, currency: 'JPY' };
dr.createSource(payload);
`,
    sites: [{ line: 2, method: 'konbini', status: 'needs-review' }],
    expect: 'pass',
  },
  {
    name: 'removed nested field read before the call throws',
    original: `const payload = { type: 'payPal', payPal: { returnUrl: 'r', items: [1, 2] } };
const count = payload.payPal.items.length;
dr.createSource(payload);
`,
    migrated: `const payload = { type: 'payPal', sessionId: ${S}, payPal: { returnUrl: 'r' } };
const count = payload.payPal.items.length;
dr.createSource(payload);
`,
    sites: migrated(3),
    expect: /^throws: .*TypeError/,
  },
  {
    name: 'removed field read in a then-callback is seen after the promise settles',
    original: `const payload = { type: 'konbini', amount: 12, currency: 'JPY' };
dr.createSource(payload).then(function (r) { receipt(r, payload.amount); });
`,
    migrated: `const payload = { type: 'konbini', sessionId: ${S} };
dr.createSource(payload).then(function (r) { receipt(r, payload.amount); });
`,
    sites: migrated(2, 'konbini'),
    expect: /^observer: receipt receives different arguments/,
  },
  {
    name: 'a throw in a timer callback is seen',
    original: `const payload = { type: 'payPal', payPal: { returnUrl: 'r', items: [1] } };
setTimeout(function () { showTotal(payload.payPal.items.length); }, 0);
dr.createSource(payload);
`,
    migrated: `const payload = { type: 'payPal', sessionId: ${S}, payPal: { returnUrl: 'r' } };
setTimeout(function () { showTotal(payload.payPal.items.length); }, 0);
dr.createSource(payload);
`,
    sites: migrated(3),
    expect: /^throws: /,
  },
  {
    name: 'a card payload losing amount is wrong',
    original: `const common = { amount: 5, currency: 'USD' };
dr.createSource(cardElement, Object.assign({}, common, { type: 'creditCard' }));
`,
    migrated: `const common = { };
dr.createSource(cardElement, Object.assign({ sessionId: ${S} }, common, { type: 'creditCard' }));
`,
    sites: migrated(2, 'creditCard'),
    expect: /^createSource: a field the payload's method keeps was removed/,
  },
  {
    name: 'a removed field still sent under migrated is wrong',
    original: `const payload = { type: 'konbini', amount: 5, currency: 'JPY' };
payload.amount = 7;
dr.createSource(payload);
`,
    migrated: `const payload = { type: 'konbini', sessionId: ${S}, currency: 'JPY' };
payload.amount = 7;
dr.createSource(payload);
`,
    sites: migrated(3, 'konbini'),
    expect: /^createSource: a field the rule removes is still sent/,
  },
  {
    name: 'sessionId: null left in place under migrated is wrong',
    original: `dr.createSource({ type: 'konbini', sessionId: null, amount: 5 });
`,
    migrated: `dr.createSource({ type: 'konbini', sessionId: null });
`,
    sites: migrated(1, 'konbini'),
    expect: /^createSource: sessionId is not SESSION_ID/,
  },
  {
    name: 'a deleted side effect is seen',
    original: `let n = 0;
dr.createSource({ type: 'konbini', amount: cart.lockTotal(), currency: (n++, 'JPY') });
console.log('n', n);
`,
    migrated: `let n = 0;
dr.createSource({ type: 'konbini', sessionId: ${S} });
console.log('n', n);
`,
    sites: migrated(2, 'konbini'),
    expect: /^observer: /,
  },
  {
    name: 'a syntax error in the output is seen',
    original: `dr.createSource({ type: 'konbini', amount: 5 });
`,
    migrated: `dr.createSource({ type: 'konbini', sessionId: ${S},, });
`,
    sites: migrated(1, 'konbini'),
    expect: /^syntax: /,
  },
  {
    name: 'a second run that changes the file is seen',
    original: `dr.createSource({ type: 'konbini', amount: 5, currency: 'JPY' });
`,
    migrated: `dr.createSource({ type: 'konbini', sessionId: ${S}, currency: 'JPY' });
`,
    sites: [{ line: 1, method: 'konbini', status: 'needs-review' }],
    idempotent: false,
    expect: /^idempotency: /,
  },
  {
    name: 'a createSource call missing from the report is seen',
    original: `const payload = { type: 'konbini', amount: 5 };
dr.createSource(payload);
`,
    migrated: `const payload = { type: 'konbini', amount: 5 };
dr.createSource(payload);
`,
    sites: [],
    expect: /^missed: /,
  },
];

// Returns a list of messages, one per canary whose verdict is wrong.
async function runCanaries({ checkPair, rules }) {
  const bad = [];
  for (const c of CANARIES) {
    const res = await checkPair(c.original, c.migrated, c.sites, rules, c.idempotent !== false);
    const cats = res.findings.map((f) => f.category);
    if (res.harness.length) {
      bad.push(`  ${c.name}: harness problem: ${res.harness.join('; ')}`);
    } else if (c.expect === 'pass') {
      if (cats.length) bad.push(`  ${c.name}: expected to pass, got: ${res.findings.map((f) => f.category + ' -- ' + f.detail).join(' | ')}`);
    } else if (!cats.some((x) => c.expect.test(x))) {
      bad.push(`  ${c.name}: expected a finding matching ${c.expect}, got: ${cats.join(' | ') || 'none'}`);
    }
  }
  return bad;
}

module.exports = { runCanaries, CANARIES };
