#!/usr/bin/env node
// Seeded generator of small merchant-style JavaScript programs that build
// DigitalRiver.js payloads and pass them to dr.createSource(...).
//
// Program `index` of seed `seed` depends only on (seed, index) and the rule
// table, so any single program can be regenerated alone:
//
//   node generate.js --seed 1 --index 17          # print program 17
//   node generate.js --seed 1 --count 20 --out d  # write d/p000000.js ...
//   --profile simple                              # only plain literals (see Gen)
//
// Every program is a classic script (not a module) that only uses the globals
// the runner provides (dr, digitalriver, cardElement, cart, SESSION_ID, fetch,
// console, analytics, sendToServer, showTotal, receipt, document, setTimeout).
// By construction the ORIGINAL program never throws, is deterministic and
// terminates: reads of nested fields are only generated where the generator's
// model of the object says the path exists, loops are bounded, conditions on
// cart are fixed values. The runner double-checks this (an original that
// throws or behaves differently twice is reported as a generator bug).
'use strict';

const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------- PRNG ----
function xmur3(str) {
  let h = 1779033703 ^ str.length;
  for (let k = 0; k < str.length; k++) {
    h = Math.imul(h ^ str.charCodeAt(k), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return function () {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

function sfc32(a, b, c, d) {
  return function () {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seedText) {
    const h = xmur3(seedText);
    this.next = sfc32(h(), h(), h(), h());
    for (let k = 0; k < 15; k++) this.next();
  }
  float() { return this.next(); }
  int(n) { return Math.floor(this.next() * n); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[this.int(arr.length)]; }
  // pairs: [[weight, value], ...]
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      if ((r -= w) < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
  shuffle(arr) {
    const a = arr.slice();
    for (let k = a.length - 1; k > 0; k--) {
      const j = this.int(k + 1);
      [a[k], a[j]] = [a[j], a[k]];
    }
    return a;
  }
}

// --------------------------------------------------------------- rules ----
const DEFAULT_RULES = path.join(__dirname, '..', '..', 'rules', 'payment-methods.json');

function loadRules(file = DEFAULT_RULES) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const methods = {};
  for (const [type, m] of Object.entries(doc.methods)) {
    const top = [];
    const nested = {};
    for (const p of m.remove) {
      const dot = p.indexOf('.');
      if (dot < 0) top.push(p);
      else (nested[p.slice(0, dot)] = nested[p.slice(0, dot)] || []).push(p.slice(dot + 1));
    }
    methods[type] = { type, addSessionId: m.addSessionId !== false, remove: m.remove.slice(), top, nested };
  }
  return methods;
}

// ---------------------------------------------------------- code output ----
class Code {
  constructor(depth = 0) { this.lines = []; this.depth = depth; }
  line(s) { this.lines.push(s === '' ? '' : '  '.repeat(this.depth) + s); return this; }
  open(s) { this.line(s); this.depth++; return this; }
  close(s = '}') { this.depth--; this.line(s); return this; }
  append(other) { for (const l of other.lines) this.lines.push(l); return this; }
}

// Field kinds, used to generate only safe reads.
const NUM = 'num', STR = 'str', ARR = 'arr', OBJ = 'obj', BOOL = 'bool';

function nestedKind(field) {
  if (field === 'items') return ARR;
  if (field === 'shipping') return OBJ;
  if (/Amount$/.test(field)) return NUM;
  if (/^(amountsEstimated|requestShipping|hasPaidBefore|autoRenewal)$/.test(field)) return BOOL;
  return STR;
}

const PRELUDE = {
  counters: ['let n = 0;', 'let i = 0;'],
  items: ['const items = [19.99, 5, 12.5];'],
  tag: ['function tag(strings) {', '  n++;', '  return 12.5;', '}'],
  toItem: ['function toItem(line) {', '  return { name: line.name, quantity: line.qty, unitAmount: line.price };', '}'],
  lineItems: ['const lineItems = cart.lines.map(toItem);'],
  total: ['const total = cart.total;'],
  shippingAddress: ["const shippingAddress = { recipient: 'Ann Buyer', address: { line1: '1 Main St', city: 'Springfield', country: 'US' } };"],
  owner: ["const owner = { firstName: 'John', lastName: 'Doe', email: 'jdoe@example.com' };"],
  currencyOf: ['function currencyOf(c) {', '  return c.currency;', '}'],
  computeTotal: ['function computeTotal(c) {', '  return c.total + c.tax;', '}'],
  addTotals: ['function addTotals(p, c) {', '  p.amount = c.total;', '  p.currency = c.currency;', '}'],
  track: ['function track(payload) {', '  payload.amount = cart.total;', '  analytics.send(payload);', '}'],
  pay: ['function pay(data) {', '  return dr.createSource(data);', '}'],
  payCard: ['function payCard(data) {', '  return dr.createSource(cardElement, data);', '}'],
  createSourceWrapper: ['function createSource(p) {', '  return dr.createSource(p);', '}'],
  summarize: ['function summarize(p) {', '  showTotal(p.amount, p.currency);', '}'],
};
const PRELUDE_ORDER = Object.keys(PRELUDE);
const PRELUDE_NAMES = ['n', 'i', 'items', 'tag', 'toItem', 'lineItems', 'total', 'shippingAddress', 'owner', 'currencyOf',
  'computeTotal', 'addTotals', 'track', 'pay', 'payCard', 'createSource', 'summarize', 'SourceApi', 'api', 'drMock'];
const PRELUDE_DEPS = { tag: ['counters'], lineItems: ['toItem'], addTotals: [], track: [] };

// ------------------------------------------------------------ generator ----
class Gen {
  constructor(rules, seed, index, profile = 'full') {
    this.rules = rules;
    // 'simple': plain literals passed straight to createSource, no reads,
    // writes, shadowing, side effects or tricks -- shapes the tool is meant
    // to migrate silently; used to check the harness passes where it should.
    this.simple = profile === 'simple';
    this.methodNames = Object.keys(rules);
    this.rng = new Rng(`psm-differential:${seed}:${index}`);
    this.tags = new Set();
    this.needs = new Set();
    this.extraTop = [];      // additional top-level declarations (builders, details...)
    // names taken at top level: the prelude's, the payload names, fresh() ones
    this.used = new Set([...PRELUDE_NAMES, 'payload', 'sourceData', 'data', 'paymentData', 'cart', 'dr', 'digitalriver',
      'cardElement', 'SESSION_ID']);
    this.epilogue = [];
  }

  tag(t) { this.tags.add(t); }
  need(name) {
    for (const d of PRELUDE_DEPS[name] || []) this.need(d);
    this.needs.add(name);
  }
  fresh(base) {
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = base + k;
    this.used.add(name);
    return name;
  }

  pickMethod(exclude) {
    const r = this.rng;
    // Methods with nested rules are the interesting ones; keep all reachable.
    const weights = this.methodNames.filter((m) => m !== exclude).map((m) => {
      const rule = this.rules[m];
      const w = m === 'creditCard' ? 3 : Object.keys(rule.nested).length ? 3 : 1;
      return [w, m];
    });
    return r.weighted(weights);
  }

  // ---------------------------------------------------------- values ----
  // Each returns expression text. `se` = side-effecting values allowed.
  amountValue(se) {
    const r = this.rng;
    const opts = [[4, 'cart.total'], [3, '120.99'], [1, '0'], [2, 'total']];
    if (se) opts.push([2, 'cart.lockTotal()'], [1, 'items[i++]'], [1, 'tag`total`'], [1, 'computeTotal(cart)']);
    const v = r.weighted(opts);
    if (v === 'total') this.need('total');
    if (v === 'items[i++]') { this.need('items'); this.need('counters'); this.tag('se:items[i++]'); }
    if (v === 'tag`total`') { this.need('tag'); this.tag('se:tagged-template'); }
    if (v === 'cart.lockTotal()') this.tag('se:call');
    // A getter defined outside the file (the harness's cart.grandTotal) is
    // not generated: the tool treats a property read as free of effects
    // unless the file itself defines a getter of that name (README).
    if (v === 'computeTotal(cart)') this.need('computeTotal');
    return v;
  }
  currencyValue(se) {
    const r = this.rng;
    const opts = [[4, "'USD'"], [2, 'cart.currency'], [1, '"JPY"']];
    if (se) opts.push([2, "(n++, 'JPY')"], [1, 'currencyOf(cart)']);
    const v = r.weighted(opts);
    if (v.startsWith('(n++')) { this.need('counters'); this.tag('se:comma-update'); }
    if (v === 'currencyOf(cart)') this.need('currencyOf');
    return v;
  }
  nestedValue(field, se) {
    const r = this.rng;
    switch (nestedKind(field)) {
      case ARR: {
        const v = r.weighted([[3, 'lineItems'], [2, "[{ name: 'Mug', quantity: 1, unitAmount: 9.5 }]"], [1, 'cart.lines.map(toItem)'], [1, '[]']]);
        if (v === 'lineItems') this.need('lineItems');
        if (v.includes('toItem')) this.need('toItem');
        return v;
      }
      case OBJ: {
        const v = r.weighted([[2, 'shippingAddress'], [2, "{ recipient: 'Ann Buyer', address: { line1: '1 Main St', city: 'Springfield' } }"]]);
        if (v === 'shippingAddress') this.need('shippingAddress');
        return v;
      }
      case NUM:
        if (se && r.chance(0.15)) { this.tag('se:call'); return 'cart.lockTotal()'; }
        return r.pick(['1.5', 'cart.tax', '0', '4.99']);
      case BOOL: return r.pick(['true', 'false']);
      default:
        if (field === 'locale') return "'en_US'";
        if (/Date$/.test(field)) return "'2024-01-01'";
        if (field === 'accountId') return "'acct-42'";
        return `'${field}-value'`;
    }
  }

  // -------------------------------------------------------- literals ----
  // Returns { entries, model }. An entry is {key, value} or {key, entries}
  // (a nested literal) or {key, ref} (a nested object given by a variable,
  // already declared by the caller).
  payloadLiteral(method, opt = {}) {
    const r = this.rng;
    const rule = this.rules[method];
    const se = !this.simple && opt.se !== false && r.chance(0.35);
    const model = { type: method, top: {}, subs: {} };
    const entries = [];
    let typeText = this.typeText(method);
    entries.push({ key: 'type', value: typeText });
    model.top.type = STR;

    const fieldsTop = [];
    // removable top-level fields
    for (const f of rule.top) {
      if (opt.noRemovable || !r.chance(opt.fewRemovable ? 0.3 : 0.75)) continue;
      fieldsTop.push(f);
    }
    if (method === 'creditCard' && r.chance(0.4)) fieldsTop.push('amount', 'currency');
    for (const f of fieldsTop) {
      const value = f === 'amount' ? this.amountValue(se) : f === 'currency' ? this.currencyValue(se) : this.nestedValue(f, se);
      entries.push({ key: f, value });
      model.top[f] = f === 'amount' ? NUM : f === 'currency' ? STR : nestedKind(f);
    }
    if (r.chance(0.5)) {
      const v = r.chance(0.5) ? 'owner' : "{ firstName: 'Jane', lastName: 'Roe' }";
      if (v === 'owner') this.need('owner');
      entries.push({ key: 'owner', value: v });
      model.top.owner = OBJ;
    }
    if (r.chance(0.15)) { entries.push({ key: 'metadata', value: "{ orderId: 'o-1001' }" }); model.top.metadata = OBJ; }

    // method sub-object(s)
    let subNames = Object.keys(rule.nested);
    if (method === 'payPalBilling') subNames = [r.pick(subNames)];
    if (!subNames.length && method !== 'creditCard' && r.chance(0.4)) subNames = [method];
    if (opt.subRef && !subNames.includes(opt.subRef.sub)) subNames = [opt.subRef.sub];
    for (const sub of subNames) {
      if (opt.subRef && opt.subRef.sub === sub) {
        entries.push({ key: sub, ref: opt.subRef.name });
        model.subs[sub] = Object.assign({}, opt.subRef.model);
        continue;
      }
      if (!r.chance(0.9)) continue;
      const { entries: subEntries, model: subModel } = this.subLiteral(method, sub, se, opt);
      entries.push({ key: sub, entries: subEntries });
      model.subs[sub] = subModel;
    }

    // sessionId variants (already migrated, or migrated by hand badly)
    const sid = opt.sessionId !== undefined ? opt.sessionId : this.simple ? r.weighted([[95, null], [5, 'SESSION_ID']]) : r.weighted([[88, null], [4, 'SESSION_ID'], [4, 'null'], [2, "''"], [2, 'undefined']]);
    if (sid) {
      entries.splice(1 + r.int(entries.length), 0, { key: 'sessionId', value: sid });
      this.tag(sid === 'SESSION_ID' ? 'sessionId:present' : `sessionId:${sid}`);
    }

    // shuffle everything except, usually, the type
    let body = entries.slice(1);
    if (r.chance(0.3)) body = r.shuffle(body);
    const typeEntry = entries[0];
    let out = r.chance(0.85) ? [typeEntry, ...body] : [...body.slice(0, 1), typeEntry, ...body.slice(1)];

    // duplicate keys: JavaScript keeps the last value
    const tricks = !opt.noTricks && !this.simple;
    if (tricks && r.chance(0.06)) {
      const other = this.pickMethod(method);
      if (r.chance(0.5)) {
        out = [{ key: 'type', value: this.typeText(other) }, ...out];   // first one loses
        this.tag('dup-key:type-first');
      } else {
        out.push({ key: 'type', value: this.typeText(other) });          // last one wins
        model.type = other;
        this.tag('dup-key:type-last');
      }
    }
    if (tricks && r.chance(0.04) && model.top.amount) {
      out.push({ key: 'amount', value: this.amountValue(se) });
      this.tag('dup-key:amount');
    }
    return { entries: out, model };
  }

  subLiteral(method, sub, se, opt = {}) {
    const r = this.rng;
    const removable = (this.rules[method].nested[sub] || []);
    const entries = [];
    const model = {};
    if (r.chance(0.85)) { entries.push({ key: 'returnUrl', value: "'https://shop.example/return'" }); model.returnUrl = STR; }
    if (r.chance(0.6)) { entries.push({ key: 'cancelUrl', value: "'https://shop.example/cancel'" }); model.cancelUrl = STR; }
    for (const f of removable) {
      if (opt.noRemovable || !r.chance(opt.fewRemovable ? 0.25 : 0.45)) continue;
      entries.push({ key: f, value: this.nestedValue(f, se) });
      model[f] = nestedKind(f);
    }
    if (!entries.length) { entries.push({ key: 'returnUrl', value: "'https://shop.example/return'" }); model.returnUrl = STR; }
    return { entries, model };
  }

  typeText(method) {
    const r = this.rng;
    const v = r.weighted([[6, 'single'], [3, 'double'], [1, 'backtick'], [this.simple ? 0 : 0.4, 'escaped'], [0.4, 'const']]);
    if (v === 'single') return `'${method}'`;
    if (v === 'double') return `"${method}"`;
    if (v === 'backtick') return '`' + method + '`';
    if (v === 'escaped') {
      this.tag('escaped-type-value');
      return `'\\u${method.charCodeAt(0).toString(16).padStart(4, '0')}${method.slice(1)}'`;
    }
    const name = 'TYPE_' + method.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
    if (!this.used.has(name)) { this.used.add(name); this.extraTop.push(`const ${name} = '${method}';`); }
    this.tag('type-const');
    return name;
  }

  keyText(key, style) {
    const r = this.rng;
    if (key !== 'type' && !this.simple && r.chance(0.02)) {
      this.tag('escaped-key');
      const esc = `\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${key.slice(1)}`;
      return r.chance(0.5) ? `"${esc}"` : esc;
    }
    if (style === 'double') return `"${key}"`;
    if (style === 'single') return `'${key}'`;
    return key;
  }

  // Writes `prefix{...}suffix` into code.
  emitLiteral(code, prefix, entries, suffix, opt = {}) {
    const r = this.rng;
    const style = opt.style || r.weighted([[6, 'bare'], [3, 'double'], [1, 'single']]);
    const multi = opt.multi !== undefined ? opt.multi : entries.length > 3 || r.chance(0.6);
    const trailing = r.chance(0.3);
    const inline = (ents) => '{ ' + ents.map((e) => `${this.keyText(e.key, style)}: ${e.entries ? inline(e.entries) : e.ref || e.value}`).join(', ') + ' }';
    if (!multi) {
      code.line(prefix + inline(entries) + suffix);
      return;
    }
    code.line(prefix + '{');
    code.depth++;
    entries.forEach((e, k) => {
      const comma = k < entries.length - 1 || trailing ? ',' : '';
      const key = this.keyText(e.key, style);
      if (e.entries) {
        if (e.entries.length > 2 && r.chance(0.7)) {
          code.line(`${key}: {`);
          code.depth++;
          e.entries.forEach((s, j) => code.line(`${this.keyText(s.key, style)}: ${s.value}${j < e.entries.length - 1 || trailing ? ',' : ''}`));
          code.depth--;
          code.line('}' + comma);
        } else {
          code.line(`${key}: ${inline(e.entries)}${comma}`);
        }
      } else {
        code.line(`${key}: ${e.ref || e.value}${comma}`);
      }
    });
    code.depth--;
    code.line('}' + suffix);
  }

  // ------------------------------------------------------------- reads ----
  // Expressions reading a payload variable P with model `m`, safe to evaluate.
  readExprs(P, m) {
    const out = [`${P}.amount`, `${P}.currency`, `${P}.type`];
    for (const [sub, fields] of Object.entries(m.subs)) {
      out.push(`${P}.${sub}.returnUrl`);
      for (const [f, kind] of Object.entries(fields)) {
        if (kind === ARR) out.push(`${P}.${sub}.${f}.length`);
        else if (kind === OBJ) out.push(`${P}.${sub}.${f}.recipient`);
        else out.push(`${P}.${sub}.${f}`);
      }
    }
    for (const [f, kind] of Object.entries(m.top)) {
      if (kind === ARR) out.push(`${P}.${f}.length`);
    }
    return out;
  }

  // A statement that observes P (a read of a field, or an escape of the object).
  readStatement(code, P, m) {
    const r = this.rng;
    const reads = this.readExprs(P, m);
    const pickRead = () => {
      // prefer removable-looking paths: amount/currency/nested removed fields
      const interesting = reads.filter((x) => !/\.(type|returnUrl)$/.test(x));
      return r.chance(0.8) && interesting.length ? r.pick(interesting) : r.pick(reads);
    };
    const kind = r.weighted([[4, 'showTotal'], [3, 'if'], [3, 'console'], [2, 'stringify'], [2, 'analytics'], [1, 'dom'], [1, 'template'],
      [1, 'countVar'], [1, 'escape'], [1, 'subAlias'], [1, 'copy'], [1, 'fetch'], [1, 'storage'], [1, 'helper']]);
    this.tag('read:' + kind);
    switch (kind) {
      case 'showTotal': code.line(`showTotal(${P}.amount, ${P}.currency);`); break;
      case 'if':
        code.open(`if (${P}.amount > 100) {`).line("showTotal('large order');").close('} else {');
        code.depth++; code.line(`showTotal(${pickRead()});`); code.close();
        break;
      case 'console': code.line(`console.log(${pickRead()});`); break;
      case 'stringify': code.line(`sendToServer(JSON.stringify({ orderId: 'o-1', ...${P} }));`); break;
      case 'analytics': code.line(`analytics.send({ event: 'pay', value: ${pickRead()} });`); break;
      case 'dom': code.line(`document.getElementById('total').textContent = ${pickRead()};`); break;
      case 'template': code.line(`console.log(\`Paying \${${P}.amount} \${${P}.currency}\`);`); break;
      case 'countVar': {
        const x = pickRead();
        const seen = this.fresh('seen');
        code.line(`const ${seen} = ${x};`);
        code.line(`showTotal(${seen});`);
        break;
      }
      case 'escape': code.line(r.chance(0.5) ? `console.log(${P});` : `analytics.send(${P});`); break;
      case 'subAlias': {
        const subs = Object.keys(m.subs);
        if (!subs.length) { code.line(`console.log(${P}.amount);`); break; }
        const sub = r.pick(subs);
        const v = this.fresh('pp');
        code.line(`const ${v} = ${P}.${sub};`);
        const f = r.pick(Object.keys(m.subs[sub]));
        const kindF = m.subs[sub][f];
        code.line(`analytics.send(${v}.${f}${kindF === ARR ? '.length' : kindF === OBJ ? '.recipient' : ''});`);
        break;
      }
      case 'copy': code.line(`analytics.send(Object.assign({}, ${P}, { note: 'copy' }));`); break;
      case 'fetch': code.line(`fetch('/api/orders', { method: 'POST', body: JSON.stringify(${P}) });`); break;
      case 'storage': code.line(`localStorage.setItem('lastPayment', JSON.stringify(${P}));`); break;
      case 'helper': this.need('summarize'); code.line(`summarize(${P});`); break;
    }
  }

  // ------------------------------------------------------------ writes ----
  // A statement that writes to P before or after the call. Updates the model.
  writeStatement(code, P, m, { canReassign, inFunction }) {
    const r = this.rng;
    const subsWithItems = Object.keys(m.subs).filter((s) => m.subs[s].items === ARR);
    const subs = Object.keys(m.subs);
    const opts = [[4, 'assignAmount'], [2, 'condAssign'], [2, 'increment'], [2, 'assignCurrency'], [2, 'alias'], [2, 'addTotals'],
      [1, 'destructure'], [1, 'assignObj'], [2, 'typeChange'], [1, 'deleteCache'], [1, 'lockTotal'], [0.5, 'eval'], [1, 'compound'], [1, 'loopSum']];
    if (subsWithItems.length) opts.push([3, 'push'], [1, 'loopPush']);
    if (subs.length) opts.push([2, 'subWrite'], [1, 'subAlias']);
    if (canReassign) opts.push([1, 'reassign']);
    const kind = r.weighted(opts);
    this.tag('write:' + kind);
    switch (kind) {
      case 'assignAmount': code.line(`${P}.amount = ${r.pick(['cart.total', '99.5', 'cart.total * 2'])};`); m.top.amount = NUM; break;
      case 'condAssign': code.line(`if (cart.total > 10) ${P}.amount = cart.total;`); m.top.amount = NUM; break;
      case 'increment': code.line(r.chance(0.5) ? `${P}.amount++;` : `${P}.amount += 1;`); m.top.amount = NUM; break;
      case 'compound': code.line(`${P}.amount = (${P}.amount || 0) + cart.tax;`); m.top.amount = NUM; break;
      case 'loopSum':
        code.open('for (const line of cart.lines) {').line(`${P}.amount = (${P}.amount || 0) + line.price * line.qty;`).close();
        m.top.amount = NUM;
        break;
      case 'assignCurrency': code.line(`${P}.currency = 'EUR';`); m.top.currency = STR; break;
      case 'alias': {
        const a = this.fresh('p2');
        code.line(`const ${a} = ${P};`);
        code.line(`${a}.amount = cart.total;`);
        m.top.amount = NUM;
        break;
      }
      case 'addTotals': this.need('addTotals'); code.line(`addTotals(${P}, cart);`); m.top.amount = NUM; m.top.currency = STR; break;
      case 'destructure': code.line(`({ total: ${P}.amount } = cart);`); m.top.amount = NUM; break;
      case 'assignObj': code.line(`Object.assign(${P}, { amount: cart.total, currency: cart.currency });`); m.top.amount = NUM; m.top.currency = STR; break;
      case 'typeChange': {
        const other = this.pickMethod(m.type);
        if (r.chance(0.5)) code.line(`Object.assign(${P}, { type: '${other}' });`);
        else code.line(`${P}.type = '${other}';`);
        m.type = other;
        break;
      }
      case 'deleteCache': code.line(`${P}.amount = delete cart.cache;`); m.top.amount = BOOL; this.tag('se:delete'); break;
      case 'lockTotal': code.line(`${P}.amount = cart.lockTotal();`); m.top.amount = NUM; this.tag('se:call'); break;
      case 'eval': code.line(`eval('${P}.amount = 7');`); m.top.amount = NUM; break;
      case 'push': {
        const s = r.pick(subsWithItems);
        code.line(`${P}.${s}.items.push({ name: 'Gift wrap', quantity: 1, unitAmount: 2 });`);
        break;
      }
      case 'loopPush': {
        const s = r.pick(subsWithItems);
        code.open(`for (const line of cart.lines) {`);
        code.line(`${P}.${s}.items.push(toItem(line));`);
        code.close();
        this.need('toItem');
        break;
      }
      case 'subWrite': {
        const s = r.pick(subs);
        const f = r.pick(['taxAmount', 'shippingAmount', 'returnUrl']);
        code.line(`${P}.${s}.${f} = ${f === 'returnUrl' ? "'https://shop.example/back'" : 'cart.tax'};`);
        m.subs[s][f] = f === 'returnUrl' ? STR : NUM;
        break;
      }
      case 'subAlias': {
        const s = r.pick(subs);
        const v = this.fresh('pp');
        code.line(`const ${v} = ${P}.${s};`);
        code.line(`${v}.items = [{ name: 'Mug', quantity: 2, unitAmount: 9.5 }];`);
        m.subs[s].items = ARR;
        break;
      }
      case 'reassign':
        code.line(`${P} = { amount: cart.total, currency: 'USD' };`);
        m.type = undefined; m.top = { amount: NUM, currency: STR }; m.subs = {};
        break;
    }
  }

  // Statements that use the same name as the payload in another scope.
  shadowStatement(code, P, outerDeclKind) {
    const r = this.rng;
    const opts = [[3, 'block'], [2, 'catch'], [2, 'forOf'], [2, 'param'], [1, 'class'], [1, 'varHoist'], [1, 'arrowParam'], [1, 'decoy']];
    if (outerDeclKind === 'const' || outerDeclKind === 'let') opts.push([1, 'blockFunction']);
    const kind = r.weighted(opts);
    this.tag('shadow:' + kind);
    switch (kind) {
      case 'block':
        code.open('{').line(`const ${P} = { note: 'inner' };`).line(`${P}.amount = cart.total;`).line(`analytics.send(${P});`).close();
        break;
      case 'catch':
        code.open('try {').line("JSON.parse('{');").close(`} catch (${P}) {`);
        code.depth++; code.line(`${P}.amount = 2;`).line(`analytics.send(${P}.amount);`); code.close();
        break;
      case 'forOf':
        code.open(`for (let ${P} of [{ amount: 1 }, { amount: 2 }]) {`).line(`${P}.amount++;`).line(`analytics.send(${P});`).close();
        break;
      case 'param':
        if (P === 'payload') { this.need('track'); code.line("track({ event: 'checkout' });"); }
        else code.line(`(function (${P}) { ${P}.amount = cart.total; analytics.send(${P}); })({ event: 'checkout' });`);
        break;
      case 'class':
        code.open('{').line(`class ${P} {}`).line(`${P}.amount = 3;`).line(`analytics.send(${P}.amount);`).close();
        break;
      case 'varHoist':
        code.open('(function () {').line(`${P} = { step: 1 };`).line(`${P}.amount = 1;`).line(`analytics.send(${P});`).line(`var ${P};`).close('})();');
        break;
      case 'arrowParam':
        code.line(`[10, 20].forEach((${P}) => analytics.send({ amount: ${P} }));`);
        break;
      case 'blockFunction':
        code.open('{').line(`function ${P}() { return cart.total; }`).line(`analytics.send(${P}());`).close();
        break;
      case 'decoy': {
        const summary = this.fresh('summary');
        code.line(`const ${summary} = { amount: 0, currency: 'USD' };`);
        code.line(`${summary}.amount = cart.total;`);
        code.line(`analytics.send(${summary});`);
        break;
      }
    }
  }

  // The text of a `.then(...)` continuation reading P (model m), or ''.
  thenText(P, m, wantRead) {
    const r = this.rng;
    if (!wantRead) {
      return r.pick(['', '', '.then(function (result) { receipt(result); })', '.then((source) => receipt(source.id))']);
    }
    const reads = this.readExprs(P, m).filter((x) => !/\.(type|returnUrl)$/.test(x));
    const x = r.pick(reads);
    this.tag('read:then');
    return r.pick([
      `.then(function (result) { receipt(result, ${x}); })`,
      `.then((source) => { showTotal(${x}); receipt(source.id); })`,
    ]);
  }

  // ------------------------------------------------------------ scenarios ----
  // Each scenario writes statements into `code` (a function body or the top
  // level). `inFunction` tells whether `return`/`await` are allowed.

  // A payload variable: construction, writes/reads before, the call, after.
  scenarioFlow(code, env) {
    const r = this.rng;
    const P = env.name;
    const method = this.pickMethod();
    let callMethod = method;
    const postReassign = !this.simple && r.chance(0.08);
    const declKind = postReassign ? r.pick(['let', 'var']) : r.weighted([[5, 'const'], [2, 'let'], [2, 'var']]);
    const construction = this.simple ? 'literal' : r.weighted([[6, 'literal'], [2, 'builder'], [2, 'details'], [2, 'branches'], [1, 'assignType']]);
    this.tag('build:' + construction);
    let m;
    if (construction === 'literal') {
      const lit = this.payloadLiteral(method);
      m = lit.model;
      this.emitLiteral(code, `${declKind} ${P} = `, lit.entries, ';');
    } else if (construction === 'builder') {
      m = this.builder(code, P, declKind, method, env);
    } else if (construction === 'details') {
      m = this.sharedDetails(code, P, declKind, method, env);
    } else if (construction === 'branches') {
      const m1 = this.pickMethod();
      const m2 = r.chance(0.5) ? m1 : this.pickMethod();
      const l1 = this.payloadLiteral(m1);
      const l2 = this.payloadLiteral(m2);
      const decl = declKind === 'const' ? 'let' : declKind;
      code.line(`${decl} ${P};`);
      const cond = r.pick(['cart.total > 100', "cart.currency === 'USD'", 'cart.lines.length > 1']);
      const taken = cond === 'cart.total > 100' ? 2 : 1;    // cart.total is 42.5, currency USD, 2 lines
      code.open(`if (${cond}) {`);
      this.emitLiteral(code, `${P} = `, l1.entries, ';');
      code.close('} else {');
      code.depth++;
      this.emitLiteral(code, `${P} = `, l2.entries, ';');
      code.close();
      m = intersectModels(l1.model, l2.model, taken === 1 ? l1.model.type : l2.model.type);
      env.declKind = decl;
      callMethod = m.type;
    } else {
      // Object.assign(target, {type}) after a literal without (or with another) type
      const lit = this.payloadLiteral(method);
      this.emitLiteral(code, `${declKind} ${P} = `, lit.entries, ';');
      const other = this.pickMethod(method);
      code.line(`Object.assign(${P}, { type: '${other}' });`);
      this.tag('type-change:assign');
      m = lit.model;
      m.type = other;
    }
    env.declKind = env.declKind || declKind;

    // before the call
    const before = this.simple ? 0 : r.int(4);
    for (let k = 0; k < before; k++) {
      const what = r.weighted([[5, 'read'], [4, 'write'], [2, 'shadow']]);
      if (what === 'read') this.readStatement(code, P, m);
      else if (what === 'write') this.writeStatement(code, P, m, { canReassign: false, inFunction: env.inFunction });
      else this.shadowStatement(code, P, env.declKind);
    }

    // plan what happens after the call (the then-callback runs after it all)
    const callModel = cloneModel(m);
    const after = new Code(code.depth);
    const nAfter = this.simple ? 0 : r.int(3);
    for (let k = 0; k < nAfter; k++) {
      const what = r.weighted([[5, 'read'], [3, 'write'], [1, 'shadow'], [1, 'writeEscape']]);
      if (what === 'read') this.readStatement(after, P, m);
      else if (what === 'write') this.writeStatement(after, P, m, { canReassign: false, inFunction: env.inFunction });
      else if (what === 'writeEscape') {
        this.tag('write:after-escape');
        after.line(`${P}.amount = cart.total;`);
        after.line(r.chance(0.5) ? `sendToServer(${P});` : `sendToServer(JSON.stringify(${P}));`);
        m.top.amount = NUM;
      } else this.shadowStatement(after, P, env.declKind);
    }
    if (postReassign) {
      this.tag('write:reassign-after');
      after.line(`${P} = { amount: cart.total, currency: 'USD' };`);
      after.line(`sendToServer(JSON.stringify(${P}));`);
      m = { type: undefined, top: { amount: NUM, currency: STR }, subs: {} };
    }
    // reads that run after the call (closures, then-callbacks, after await)
    // must be safe both at the call and at the end of the synchronous code
    const lateModel = intersectModels(callModel, m, m.type);
    let closureCall = null;
    if (!this.simple && r.chance(0.15)) {
      // a closure defined before the call, run later
      const fn = this.fresh('report');
      const x = r.pick(this.readExprs(P, lateModel).filter((e) => !/\.(type|returnUrl)$/.test(e)));
      this.tag('closure');
      code.line(`const ${fn} = () => analytics.send({ seen: ${x} });`);
      closureCall = r.pick([`${fn}();`, `setTimeout(${fn}, 0);`]);
    }

    this.emitCall(code, P, lateModel, env, callMethod, callModel.type);
    for (const l of env.afterCall) code.line(l);
    code.append(after);
    if (closureCall) code.line(closureCall);
    if (!this.simple && env.inFunction && r.chance(0.15)) {
      this.tag('escape:return');
      code.line(`return ${P};`);
      env.returnsPayload = true;
    }
  }

  emitCall(code, P, m, env, method, typeAtCall = m.type) {
    const r = this.rng;
    const isCard = typeAtCall === 'creditCard' || method === 'creditCard';
    const wantRead = !this.simple && r.chance(0.3);
    const then = this.thenText(P, m, wantRead);
    const recv = r.weighted([[8, 'dr'], [2, 'digitalriver']]);
    const form = r.weighted([[6, 'direct'], [2, 'wrapper'], [1, 'guarded'], [env.inFunction && env.isAsync ? 2 : 0, 'await'], [0.5, 'optional'],
      [this.simple ? 0 : 0.2, 'bracket'], [this.simple ? 0 : 0.2, 'call'], [this.simple ? 0 : 0.2, 'apply'], [this.simple ? 0 : 0.2, 'destructured']]);
    this.tag('call:' + form);
    const args = isCard && r.chance(0.8) ? `cardElement, ${P}` : P;
    switch (form) {
      case 'direct':
        code.line(`${recv}.createSource(${args})${then};`);
        break;
      case 'optional':
        code.line(`${recv}.createSource?.(${args})${then};`);
        break;
      case 'bracket':
        code.line(`${recv}['createSource'](${args})${then};`);
        break;
      case 'call':
        code.line(`${recv}.createSource.call(${recv}, ${args})${then};`);
        break;
      case 'apply':
        code.line(`${recv}.createSource.apply(${recv}, [${args}])${then};`);
        break;
      case 'destructured':
        code.open('{').line(`const { createSource } = ${recv};`).line(`createSource(${args})${then};`).close();
        break;
      case 'guarded':
        code.open('if (cart.lines.length > 0) {').line(`${recv}.createSource(${args})${then};`).close();
        break;
      case 'await': {
        const v = this.fresh('source');
        code.line(`const ${v} = await ${recv}.createSource(${args});`);
        const reads = this.readExprs(P, m).filter((x) => !/\.(type|returnUrl)$/.test(x));
        code.line(wantRead ? `receipt(${v}, ${r.pick(reads)});` : `receipt(${v});`);
        break;
      }
      case 'wrapper': {
        const w = args.startsWith('cardElement') ? 'payCard' : r.weighted([[3, 'pay'], [1, 'createSourceWrapper']]);
        this.need(w);
        const fn = w === 'createSourceWrapper' ? 'createSource' : w;
        code.line(`${fn}(${P})${then};`);
        break;
      }
    }
  }

  builder(code, P, declKind, method, env) {
    const r = this.rng;
    const fn = this.fresh(r.pick(['buildPayload', 'makeSourceData', 'buildSourceData']));
    const lit = this.payloadLiteral(method);
    const b = new Code(0);
    b.open(`function ${fn}(c) {`);
    if (r.chance(0.5)) {
      this.emitLiteral(b, 'return ', lit.entries, ';');
    } else {
      this.emitLiteral(b, 'const data = ', lit.entries, ';');
      b.line('return data;');
    }
    b.close();
    this.extraTop.push(...b.lines);
    code.line(`${declKind} ${P} = ${fn}(cart);`);
    const second = r.weighted([[3, 'none'], [2, 'server'], [1, 'again']]);
    this.tag('builder:' + second);
    if (second === 'server') this.epilogue.push(`sendToServer(JSON.stringify(${fn}(cart)));`);
    if (second === 'again') this.epilogue.push(`analytics.send(${fn}(cart));`);
    return lit.model;
  }

  sharedDetails(code, P, declKind, method, env) {
    const r = this.rng;
    let sub = Object.keys(this.rules[method].nested)[0];
    if (!sub) { sub = method === 'creditCard' ? null : method; }
    if (!sub) {
      const lit = this.payloadLiteral(method);
      this.emitLiteral(code, `${declKind} ${P} = `, lit.entries, ';');
      return lit.model;
    }
    const details = this.fresh('details');
    const { entries, model: dm } = this.subLiteral(method, sub, r.chance(0.3));
    const where = r.chance(0.5) ? 'top' : 'local';
    const target = where === 'top' ? new Code(0) : code;
    this.emitLiteral(target, `const ${details} = `, entries, ';');
    if (where === 'top') this.extraTop.push(...target.lines);
    const lit = this.payloadLiteral(method, { subRef: { sub, name: details, model: dm } });
    this.emitLiteral(code, `${declKind} ${P} = `, lit.entries, ';');
    // other readers of the shared object
    const readers = [];
    for (const [f, kind] of Object.entries(dm)) {
      readers.push(kind === ARR ? `${details}.${f}.length` : kind === OBJ ? `${details}.${f}.recipient` : `${details}.${f}`);
    }
    const readLine = `showTotal(${r.pick(readers)}${readers.length > 1 ? ', ' + r.pick(readers) : ''});`;
    const when = r.weighted([[2, 'before'], [2, 'after'], [1, 'second-payload']]);
    this.tag('details:' + when);
    if (when === 'before') code.line(readLine);
    else if (when === 'after') env.afterCall.push(readLine);
    else {
      // a second payload of another method sharing the same nested object
      const others = this.methodNames.filter((x) => x !== method && (this.rules[x].nested[sub] || x === sub));
      const other = others.length ? r.pick(others) : method;
      const lit2 = this.payloadLiteral(other, { subRef: { sub, name: details, model: dm }, noTricks: true });
      const P2 = this.fresh('otherPayload');
      const c2 = new Code(0);
      this.emitLiteral(c2, `const ${P2} = `, lit2.entries, ';');
      c2.line(`dr.createSource(${other === 'creditCard' ? 'cardElement, ' : ''}${P2});`);
      env.afterCall.push(...c2.lines);
    }
    return lit.model;
  }

  // Several payloads of different methods built from one shared object.
  scenarioCommon(code, env) {
    const r = this.rng;
    const common = this.fresh('common');
    const se = r.chance(0.3);
    const fields = [`amount: ${this.amountValue(se)}`, `currency: ${this.currencyValue(se)}`];
    if (r.chance(0.6)) { this.need('owner'); fields.push('owner'); }
    code.line(`const ${common} = { ${fields.join(', ')} };`);
    const count = 2 + (r.chance(0.3) ? 1 : 0);
    const methods = ['creditCard'];
    while (methods.length < count) methods.push(this.pickMethod('creditCard'));
    const ms = r.shuffle(methods);
    ms.forEach((method, k) => {
      const v = this.fresh(method === 'creditCard' ? 'cardPayload' : method + 'Payload');
      const sub = Object.keys(this.rules[method].nested)[0];
      let extra = `type: '${method}'`;
      if (sub && r.chance(0.7)) {
        const sl = this.subLiteral(method, sub, false, { fewRemovable: true });
        extra += `, ${sub}: { ${sl.entries.map((e) => `${e.key}: ${e.value}`).join(', ')} }`;
      }
      const form = r.weighted([[3, 'assign'], [3, 'spread'], [1, 'assignTarget']]);
      this.tag('common:' + form);
      if (form === 'assign') code.line(`const ${v} = Object.assign({}, ${common}, { ${extra} });`);
      else if (form === 'spread') code.line(`const ${v} = { ...${common}, ${extra} };`);
      else code.line(`const ${v} = Object.assign({ ${extra} }, ${common});`);
      code.line(`dr.createSource(${method === 'creditCard' ? 'cardElement, ' : ''}${v})${this.thenText(v, { top: {}, subs: {} }, false)};`);
    });
    if (r.chance(0.5)) {
      this.tag('common:read');
      code.line(r.pick([`showTotal(${common}.amount, ${common}.currency);`, `sendToServer(JSON.stringify(${common}));`]));
    }
  }

  // An inline literal, maybe inside a loop, maybe through a wrapper.
  scenarioInline(code, env) {
    const r = this.rng;
    const method = this.pickMethod();
    const loop = r.weighted([[3, 'none'], [1, 'for'], [1, 'forEach']]);
    this.tag('inline:' + loop);
    const lit = this.payloadLiteral(method);
    if (loop === 'for') code.open('for (let k = 0; k < 2; k++) {');
    if (loop === 'forEach') code.open('cart.lines.forEach(function (line) {');
    const card = method === 'creditCard' && r.chance(0.8) ? 'cardElement, ' : '';
    const recv = r.pick(['dr', 'dr', 'digitalriver']);
    this.emitLiteral(code, `${recv}.createSource(${card}`, lit.entries, `)${this.thenText('x', { top: {}, subs: {} }, false)};`);
    if (loop === 'for') code.close();
    if (loop === 'forEach') code.close('});');
  }

  // A helper mutating the payload, also used on a non-payload object.
  scenarioHelper(code, env) {
    const r = this.rng;
    const P = env.name;
    const method = this.pickMethod('creditCard');
    const lit = this.payloadLiteral(method, { fewRemovable: true });
    this.emitLiteral(code, `const ${P} = `, lit.entries, ';');
    this.need('addTotals');
    code.line(`addTotals(${P}, cart);`);
    lit.model.top.amount = NUM;
    if (r.chance(0.6)) {
      this.tag('helper:other-use');
      const summary = this.fresh('summary');
      code.line(`const ${summary} = {};`);
      code.line(`addTotals(${summary}, cart);`);
      code.line(`analytics.send(${summary});`);
    }
    this.tag('helper:addTotals');
    this.emitCall(code, P, lit.model, env, method);
  }

  // A createSource method that is not DigitalRiver.js: a local class or a
  // test double. Whatever it receives goes to fetch / analytics unchanged.
  scenarioForeign(code, env) {
    const r = this.rng;
    const P = env.name;
    const method = this.pickMethod();
    const kind = r.weighted([[1, 'class'], [1, 'mock']]);
    this.tag('foreign:' + kind);
    let recv;
    if (kind === 'class') {
      if (!this.used.has('SourceApi!')) {
        this.used.add('SourceApi!');
        this.extraTop.push('class SourceApi {', '  createSource(p) {', "    return fetch('/api/sources', { method: 'POST', body: JSON.stringify(p) });", '  }', '}', 'const api = new SourceApi();');
      }
      recv = 'api';
    } else {
      if (!this.used.has('drMock!')) {
        this.used.add('drMock!');
        this.extraTop.push('const drMock = { createSource: function (p) { analytics.send(p); return Promise.resolve({ id: \'mock\' }); } };');
      }
      recv = 'drMock';
    }
    const lit = this.payloadLiteral(method);
    this.emitLiteral(code, `const ${P} = `, lit.entries, ';');
    code.line(`${recv}.createSource(${P});`);
  }

  // --------------------------------------------------------- program ----
  program() {
    const r = this.rng;
    const nScen = r.weighted([[6, 1], [3, 2]]);
    const topLevelIdx = r.chance(0.35) ? r.int(nScen) : -1;
    const bodies = [];
    const calls = [];
    for (let s = 0; s < nScen; s++) {
      const inFunction = s !== topLevelIdx;
      const isAsync = inFunction && r.chance(0.2);
      const name = r.weighted([[7, 'payload'], [1, 'sourceData'], [1, 'data'], [1, 'paymentData']]);
      const env = { name, inFunction, isAsync, declKind: null, returnsPayload: false, afterCall: [] };
      const code = new Code(inFunction ? 1 : 0);
      const kind = this.simple ? r.weighted([[3, 'flow'], [1, 'inline']]) : r.weighted([[8, 'flow'], [2, 'common'], [2, 'inline'], [1, 'helper'], [0.25, 'foreign']]);
      this.tag('scenario:' + kind);
      if (kind === 'flow') this.scenarioFlow(code, env);
      else if (kind === 'common') this.scenarioCommon(code, env);
      else if (kind === 'inline') this.scenarioInline(code, env);
      else if (kind === 'helper') this.scenarioHelper(code, env);
      else this.scenarioForeign(code, env);
      if (!inFunction) { bodies.push(code.lines); continue; }
      const fn = this.fresh(r.pick(['checkout', 'submitPayment', 'payNow', 'placeOrder']));
      bodies.push([`${isAsync ? 'async ' : ''}function ${fn}() {`, ...code.lines, '}']);
      if (env.returnsPayload) {
        calls.push(isAsync ? `${fn}().then(function (result) { sendToServer(JSON.stringify(result)); });`
          : `sendToServer(JSON.stringify(${fn}()));`);
      } else if (isAsync) {
        calls.push(r.chance(0.5) ? `${fn}().catch(function (e) { console.log('payment failed', e.name); });` : `${fn}();`);
      } else {
        calls.push(`${fn}();`);
      }
    }
    const out = [`// differential program ${this.label}`];
    if (r.chance(0.1)) { out.unshift("'use strict';"); this.tag('strict'); }
    for (const name of PRELUDE_ORDER) if (this.needs.has(name)) out.push(...PRELUDE[name]);
    out.push(...this.extraTop);
    for (const b of bodies) out.push(...b);
    out.push(...calls);
    out.push(...this.epilogue);
    if (this.needs.has('counters')) out.push("console.log('counters', n, i);");
    return out.join('\n') + '\n';
  }
}

function cloneModel(m) {
  const subs = {};
  for (const [s, f] of Object.entries(m.subs)) subs[s] = Object.assign({}, f);
  return { type: m.type, top: Object.assign({}, m.top), subs };
}

function intersectModels(a, b, type) {
  const top = {};
  for (const k of Object.keys(a.top)) if (b.top[k] === a.top[k]) top[k] = a.top[k];
  const subs = {};
  for (const s of Object.keys(a.subs)) {
    if (!b.subs[s]) continue;
    subs[s] = {};
    for (const f of Object.keys(a.subs[s])) if (b.subs[s][f] === a.subs[s][f]) subs[s][f] = a.subs[s][f];
  }
  return { type, top, subs };
}

// Programs are kept between 10 and 60 lines: a draw outside that range is
// redrawn from the next sub-seed (still a function of seed and index only).
function generateProgram(rules, seed, index, profile = 'full') {
  let g, source;
  for (let attempt = 0; attempt < 20; attempt++) {
    g = new Gen(rules, attempt ? `${seed}/${attempt}` : seed, index, profile);
    g.label = `seed=${seed} index=${index}`;
    source = g.program();
    const lines = source.split('\n').length - 1;
    if (lines >= 10 && lines <= 60) break;
  }
  return { source, tags: [...g.tags].sort() };
}

module.exports = { generateProgram, loadRules, Rng };

if (require.main === module) {
  const args = process.argv.slice(2);
  const get = (flag, dflt) => {
    const k = args.indexOf(flag);
    return k >= 0 ? args[k + 1] : dflt;
  };
  const seed = get('--seed', '1');
  const rules = loadRules(get('--rules', DEFAULT_RULES));
  const profile = get('--profile', 'full');
  const out = get('--out', null);
  if (args.includes('--index')) {
    const { source, tags } = generateProgram(rules, seed, Number(get('--index')), profile);
    process.stdout.write(source);
    if (args.includes('--tags')) process.stderr.write(tags.join(' ') + '\n');
  } else {
    const count = Number(get('--count', '10'));
    const start = Number(get('--start', '0'));
    if (out) fs.mkdirSync(out, { recursive: true });
    for (let k = start; k < start + count; k++) {
      const { source } = generateProgram(rules, seed, k, profile);
      if (out) fs.writeFileSync(path.join(out, `p${String(k).padStart(6, '0')}.js`), source);
      else process.stdout.write(`// ---- program ${k}\n${source}`);
    }
  }
}
