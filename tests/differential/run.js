#!/usr/bin/env node
// Differential execution test of payment-session-migrate.
//
// Generates programs (generate.js), runs the tool once over them with
// --write, then executes every original and migrated program in a fresh
// Node `vm` context with instrumented stubs and compares what they did.
// See README.md in this directory for what is checked and how to run it.
//
//   node run.js [--seed S] [--count N] [--start I] [--only I,J,...]
//               [--tool PATH] [--rules FILE] [--keep DIR] [--failures DIR]
//               [--batch N] [--show N] [--jobs N] [--verbose]
//               [--profile full|simple] [--no-self-test]
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { spawnSync } = require('child_process');
const { generateProgram, loadRules } = require('./generate.js');
const { runCanaries } = require('./canaries.js');

const SESSION_EXPR = 'SESSION_ID';                 // what the tool inserts
const SESSION_VALUE = 'sess_7f3a-differential';   // the global it names at run time
const NUL = '\u0000';                              // marks special values in snapshots

// ------------------------------------------------------------ options ----
function parseArgs(argv) {
  const o = {
    seed: '1', count: 300, start: 0, only: null,
    tool: path.join(__dirname, '..', '..', 'build', 'payment-session-migrate'),
    rules: path.join(__dirname, '..', '..', 'rules', 'payment-methods.json'),
    keep: null, failures: null, batch: 2000, show: 3, jobs: null, verbose: false,
    profile: 'full', selfTest: true,
  };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const val = () => {
      if (k + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++k];
    };
    switch (a) {
      case '--seed': o.seed = val(); break;
      case '--count': o.count = Number(val()); break;
      case '--start': o.start = Number(val()); break;
      case '--only': o.only = val().split(',').map(Number); break;
      case '--tool': o.tool = path.resolve(val()); break;
      case '--rules': o.rules = path.resolve(val()); break;
      case '--keep': o.keep = path.resolve(val()); break;
      case '--failures': o.failures = path.resolve(val()); break;
      case '--batch': o.batch = Number(val()); break;
      case '--show': o.show = Number(val()); break;
      case '--jobs': o.jobs = val(); break;
      case '--verbose': case '-v': o.verbose = true; break;
      case '--profile': o.profile = val(); if (!['full', 'simple'].includes(o.profile)) usage('--profile is full or simple'); break;
      case '--no-self-test': o.selfTest = false; break;
      case '--help': case '-h': usage(null); break;
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!Number.isInteger(o.count) || o.count < 0 || !Number.isInteger(o.start) || o.start < 0) usage('--count/--start must be non-negative integers');
  if (!(o.batch > 0)) usage('--batch must be positive');
  if (!o.failures) o.failures = path.resolve(o.keep ? path.join(o.keep, 'failures') : 'differential-failures');
  return o;
}

function usage(msg) {
  if (msg) process.stderr.write(`run.js: ${msg}\n`);
  process.stderr.write('usage: node run.js [--seed S] [--count N] [--start I] [--only I,J] [--tool PATH] [--rules FILE]\n' +
    '                   [--keep DIR] [--failures DIR] [--batch N] [--show N] [--jobs N] [--verbose]\n' +
    '                   [--profile full|simple] [--no-self-test]\n');
  process.exit(msg ? 2 : 0);
}

// ----------------------------------------------------------- snapshots ----
// A deep copy of a value as plain JSON-able data: plain objects and arrays
// stay objects and arrays; undefined, functions, NaN, +-Infinity, -0,
// symbols, bigints, accessors, cycles and errors become marked strings or
// objects. Works across realms (no instanceof), never runs getters.
function snap(v, stack = []) {
  switch (typeof v) {
    case 'undefined': return NUL + 'undefined';
    case 'string': return v;
    case 'boolean': return v;
    case 'number':
      if (Number.isNaN(v)) return NUL + 'NaN';
      if (!Number.isFinite(v)) return NUL + (v > 0 ? 'Infinity' : '-Infinity');
      if (Object.is(v, -0)) return NUL + '-0';
      return v;
    case 'bigint': return NUL + 'bigint:' + v.toString();
    case 'symbol': return NUL + 'symbol:' + String(v.description);
    case 'function': return NUL + 'function:' + (v.name || '');
  }
  if (v === null) return null;
  if (stack.includes(v) || stack.length > 24) return NUL + 'cycle';
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Error]') return { [NUL + 'error']: String(v.name), message: String(v.message) };
  stack.push(v);
  let out;
  if (Array.isArray(v)) {
    out = [];
    for (let k = 0; k < v.length; k++) out.push(k in v ? snap(v[k], stack) : NUL + 'hole');
  } else {
    out = {};
    for (const key of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      out[key] = 'value' in d ? snap(d.value, stack) : NUL + 'accessor';
    }
  }
  stack.pop();
  return out;
}

function isObj(x) { return x !== null && typeof x === 'object' && !Array.isArray(x); }

function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, k) => deepEqual(x, b[k]));
  }
  if (isObj(a)) {
    if (!isObj(b)) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

// Differences between two snapshots as [{path, kind, a, b}] (kind: missing =
// only in a, extra = only in b, changed).
function diffValues(a, b, p = '', out = []) {
  if (deepEqual(a, b)) return out;
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(a)) {
      const q = p ? `${p}.${k}` : k;
      if (!Object.prototype.hasOwnProperty.call(b, k)) out.push({ path: q, kind: 'missing', a: a[k] });
      else diffValues(a[k], b[k], q, out);
    }
    for (const k of Object.keys(b)) {
      if (!Object.prototype.hasOwnProperty.call(a, k)) out.push({ path: p ? `${p}.${k}` : k, kind: 'extra', b: b[k] });
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, k) => diffValues(x, b[k], `${p}[${k}]`, out));
    return out;
  }
  out.push({ path: p || '(value)', kind: 'changed', a, b });
  return out;
}

function show(v) {
  return JSON.stringify(v, null, 0).replace(/\\u0000/g, '@');
}

// The one change the migration is meant to make to an object that other
// code can also see: it gains `sessionId: SESSION_ID` (or an empty/null
// sessionId becomes it). In arguments of calls other than createSource this
// is tolerated; everything else must be identical. JSON text is compared
// parsed, with the same tolerance.
function normalizeObserved(a, b) {
  if (typeof a === 'string' && typeof b === 'string' && a !== b && /^[[{]/.test(a) && /^[[{]/.test(b)) {
    try {
      const [x, y] = normalizeObserved(JSON.parse(a), JSON.parse(b));
      return [{ [NUL + 'json']: x }, { [NUL + 'json']: y }];
    } catch (e) { return [a, b]; }
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const xs = [], ys = [];
    for (let k = 0; k < Math.max(a.length, b.length); k++) {
      const [x, y] = normalizeObserved(a[k], b[k]);
      if (k < a.length) xs.push(x);
      if (k < b.length) ys.push(y);
    }
    return [xs, ys];
  }
  if (isObj(a) && isObj(b)) {
    const x = {}, y = {};
    for (const k of Object.keys(a)) x[k] = a[k];
    for (const k of Object.keys(b)) y[k] = b[k];
    if (y.sessionId === SESSION_VALUE && (!('sessionId' in x) || x.sessionId === null || x.sessionId === '' || x.sessionId === NUL + 'undefined')) {
      delete x.sessionId;
      delete y.sessionId;
    }
    for (const k of Object.keys(x)) {
      if (k in y) [x[k], y[k]] = normalizeObserved(x[k], y[k]);
    }
    return [x, y];
  }
  return [a, b];
}

// ----------------------------------------------------------- execution ----
let currentRun = null;
process.on('unhandledRejection', (reason) => {
  const rec = errorRecord(reason);
  if (currentRun) currentRun.asyncErrors.push(rec);
  else process.stderr.write(`run.js: unhandled rejection outside a program: ${rec.name}: ${rec.message}\n`);
});

function errorRecord(e) {
  if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
    let name = 'Object', message = '';
    try { name = String(e.name); message = String(e.message); } catch (x) { /* exotic */ }
    return { name, message };
  }
  return { name: typeof e, message: String(e) };
}

function settle() {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

// Runs one program; returns {calls, syncError, asyncErrors}. Each call is
// {fn, args, line?}; createSource calls carry the line of the program frame
// that made them.
async function execute(source, filename) {
  const run = { calls: [], syncError: null, asyncErrors: [] };
  const rec = (fn, args) => { run.calls.push({ fn, args: snap(args) }); };
  let sources = 0;
  const timers = [];
  let timerSeq = 0;
  const elements = new Map();
  const frameRe = new RegExp(`[( ]${filename.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:(\\d+):(\\d+)\\)?$`);

  const cart = {
    total: 42.5, tax: 3.4, currency: 'USD',
    lines: [{ name: 'Mug', qty: 1, price: 12.5 }, { name: 'Tee', qty: 2, price: 15 }],
    cache: { warm: true },
    lockTotal() { rec('cart.lockTotal', []); return 42.5; },
    get grandTotal() { rec('cart.grandTotal', []); return 45.9; },
  };
  const drStub = {
    createSource(...args) {
      let line = null;
      for (const fr of String(new Error().stack).split('\n')) {
        const mm = frameRe.exec(fr.trim());
        if (mm) { line = Number(mm[1]); break; }
      }
      run.calls.push({ fn: 'createSource', args: snap(args), line });
      sources++;
      return Promise.resolve({ id: `src_${sources}`, state: 'chargeable' });
    },
  };
  const sandbox = {
    SESSION_ID: SESSION_VALUE,
    dr: drStub,
    digitalriver: drStub,
    cardElement: { elementType: 'cardNumber', mounted: true },
    cart,
    console: {
      log: (...a) => rec('console.log', a),
      info: (...a) => rec('console.info', a),
      warn: (...a) => rec('console.warn', a),
      error: (...a) => rec('console.error', a),
    },
    analytics: { send: (...a) => rec('analytics.send', a), track: (...a) => rec('analytics.track', a) },
    sendToServer: (...a) => { rec('sendToServer', a); },
    showTotal: (...a) => { rec('showTotal', a); },
    receipt: (...a) => { rec('receipt', a); },
    fetch: (...a) => {
      rec('fetch', a);
      return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({}) });
    },
    document: {
      getElementById(id) {
        if (!elements.has(id)) {
          const el = {};
          for (const prop of ['textContent', 'innerText', 'value', 'innerHTML']) {
            let v = '';
            Object.defineProperty(el, prop, {
              get: () => v,
              set: (x) => { rec('dom.set', [id, prop, x]); v = String(x); },
              enumerable: true,
            });
          }
          elements.set(id, el);
        }
        return elements.get(id);
      },
    },
    localStorage: { setItem: (...a) => { rec('localStorage.setItem', a); }, getItem: () => null },
    setTimeout: (fn, ms, ...a) => { timers.push({ fn, ms: Number(ms) || 0, seq: timerSeq++, a }); return timerSeq; },
  };
  const context = vm.createContext(sandbox);
  let script;
  try {
    script = new vm.Script(source, { filename });
  } catch (e) {
    run.syncError = { ...errorRecord(e), compile: true };
    return run;
  }
  currentRun = run;
  try {
    script.runInContext(context, { timeout: 2000 });
  } catch (e) {
    run.syncError = errorRecord(e);
  }
  await settle();
  for (let guard = 0; timers.length && guard < 50; guard++) {
    timers.sort((x, y) => x.ms - y.ms || x.seq - y.seq);
    const t = timers.shift();
    try {
      if (typeof t.fn === 'function') t.fn(...t.a);
    } catch (e) {
      run.asyncErrors.push(errorRecord(e));
    }
    await settle();
  }
  await settle();
  run.calls.push({ fn: '(final cart state)', args: snap([cart]) });
  currentRun = null;
  return run;
}

// ------------------------------------------------------------ the tool ----
function runTool(tool, args, cwd) {
  // The binary may be replaced by a rebuild while we run: wait for it.
  for (let attempt = 0; ; attempt++) {
    const res = spawnSync(tool, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const missing = res.error && (res.error.code === 'ENOENT' || res.error.code === 'ETXTBSY' || res.error.code === 'EACCES');
    if (!missing || attempt >= 60) {
      if (res.error) throw new Error(`cannot run ${tool}: ${res.error.message}`);
      return res;
    }
    if (attempt === 0) process.stderr.write(`run.js: ${tool} is not there (${res.error.code}); waiting for it...\n`);
    spawnSync('sleep', ['2']);
  }
}

function toolBaseArgs(o) {
  const a = ['--session-id', SESSION_EXPR, '-q', '--no-config', '--no-ignore'];
  if (o.jobs) a.push('--jobs', String(o.jobs));
  return a;
}

// ---------------------------------------------------------- comparison ----
function applyRule(payload, rule) {
  const out = JSON.parse(JSON.stringify(payload));
  for (const p of rule.remove) {
    const parts = p.split('.');
    let o = out;
    for (let k = 0; k < parts.length - 1 && isObj(o); k++) o = o[parts[k]];
    if (isObj(o)) delete o[parts[parts.length - 1]];
  }
  if (rule.addSessionId) out.sessionId = SESSION_VALUE;
  return out;
}

const STATUS_CHECKED = new Set(['migrated', 'already-migrated']);

// Returns {findings: [{category, detail}], notes: [...], harness: [...]}
function compareProgram(ctx) {
  const { orig, orig2, mig, sites, rules, idempotent } = ctx;
  const findings = [];
  const harness = [];
  const notes = [];
  const add = (category, detail) => findings.push({ category, detail });

  // Harness sanity: the original must be deterministic and must not throw.
  if (orig.syncError && orig.syncError.compile) harness.push(`original does not compile: ${orig.syncError.message}`);
  else if (orig.syncError || orig.asyncErrors.length) {
    const e = orig.syncError || orig.asyncErrors[0];
    harness.push(`original throws ${e.name}: ${e.message}`);
  }
  if (!deepEqual(orig.calls, orig2.calls) || !deepEqual(orig.asyncErrors, orig2.asyncErrors)) harness.push('original is not deterministic (two runs differ)');
  if (harness.length) return { findings, notes, harness };

  // (4) the migrated program parses
  if (mig.syncError && mig.syncError.compile) {
    add('syntax: migrated program does not parse', mig.syncError.message);
    return { findings, notes, harness };
  }
  // (5) idempotency
  if (!idempotent.ok) add('idempotency: a second run changes the migrated file', idempotent.diff);

  // (2) nothing throws that did not throw before
  const migErrors = [mig.syncError, ...mig.asyncErrors].filter(Boolean);
  for (const e of migErrors) {
    add(`throws: migrated program throws ${e.name} (original does not)`, `${e.name}: ${e.message}`);
  }

  // (1) every observable call other than createSource: same fn, same args, same order
  const observed = [];
  const obsA = orig.calls.filter((c) => c.fn !== 'createSource');
  const obsB = mig.calls.filter((c) => c.fn !== 'createSource');
  for (let k = 0; k < Math.max(obsA.length, obsB.length); k++) {
    const a = obsA[k], b = obsB[k];
    if (!a || !b || a.fn !== b.fn) {
      const what = !a ? `extra call ${b.fn}${show(b.args)}` : !b ? `missing call ${a.fn}${show(a.args)}` : `call #${k + 1} is ${b.fn}${show(b.args)}, was ${a.fn}${show(a.args)}`;
      const fnOf = (c) => (c.fn === '(final cart state)' ? 'the end of the program' : c.fn);
      observed.push({
        category: !a ? `observer: an extra call (${b.fn})` : !b ? `observer: a call is missing (${a.fn})` :
          `observer: a call is missing or added (${fnOf(a)} expected, ${fnOf(b)} came)`,
        detail: what,
      });
      break;   // later calls are shifted; one finding is enough
    }
    const [x, y] = normalizeObserved(a.args, b.args);
    if (!deepEqual(x, y)) {
      const d = diffValues(x, y).map((e) => `${e.path.replace(/\u0000json\./g, '(JSON) ')}: ${e.kind}${'a' in e ? ' was ' + show(e.a) : ''}${'b' in e ? ' now ' + show(e.b) : ''}`);
      observed.push({ category: `observer: ${a.fn === '(final cart state)' ? 'the final state of cart' : a.fn} receives different arguments`,
        detail: `${a.fn}${show(a.args)}\n      migrated: ${b.fn}${show(b.args)}\n      ${d.join('\n      ')}` });
    }
  }
  // After a throw the rest of the run is a consequence of it: keep the
  // throw as the finding and the differences as notes.
  if (migErrors.length) for (const x of observed) notes.push(`after the throw: ${x.category}: ${x.detail}`);
  else findings.push(...observed);

  // (3) createSource receives exactly the rule's key set where the site is migrated
  const csA = orig.calls.filter((c) => c.fn === 'createSource');
  const csB = mig.calls.filter((c) => c.fn === 'createSource');
  const siteAt = (line) => sites.filter((s) => s.line === line);
  const checkedAt = (c) => {
    const ss = siteAt(c.line);
    return ss.length > 0 && ss.every((s) => STATUS_CHECKED.has(s.status));
  };
  for (const c of csA) {
    if (c.line === null) harness.push('createSource called from a frame the harness cannot place');
    else if (!siteAt(c.line).length) add('missed: createSource call not in the report', `line ${c.line}: ${show(c.args)}`);
  }
  if (csA.length !== csB.length && !migErrors.length) {
    if (csA.some(checkedAt) || csB.length > csA.length) {
      add('createSource: number of calls differs', `original ${csA.length}, migrated ${csB.length}`);
    }
  }
  for (let k = 0; k < Math.min(csA.length, csB.length); k++) {
    const a = csA[k], b = csB[k];
    const ss = siteAt(a.line);
    if (!ss.length || !checkedAt(a)) continue;
    const status = ss.map((s) => s.status).join('/');
    const payloadA = a.args[a.args.length - 1];
    const payloadB = b.args[b.args.length - 1];
    if (a.args.length !== b.args.length || !deepEqual(a.args.slice(0, -1), b.args.slice(0, -1))) {
      add('createSource: arguments other than the payload differ', `${show(a.args)} -> ${show(b.args)}`);
    }
    if (!isObj(payloadA)) { notes.push(`line ${a.line}: payload is not an object`); continue; }
    const type = payloadA.type;
    const rule = rules[type];
    if (!rule) { notes.push(`line ${a.line}: runtime type ${show(type)} is not in the rule table`); continue; }
    const expected = applyRule(payloadA, rule);
    const d = diffValues(expected, payloadB);
    if (!d.length) continue;
    const methodNote = ss[0].method && ss[0].method !== type ? ` (report says method ${ss[0].method})` : '';
    for (const e of d) {
      const inRule = rule.remove.includes(e.path);
      const inAnyRule = Object.values(rules).some((r) => r.remove.includes(e.path));
      let cat;
      const top = e.path.includes('.') ? 'a nested field' : e.path;
      if (e.path === 'sessionId') cat = `createSource: sessionId is not SESSION_ID (${e.kind === 'missing' ? 'missing' : 'wrong value'})`;
      else if (e.kind === 'extra' && inRule) cat = `createSource: a field the rule removes is still sent (${top})`;
      else if (e.kind === 'extra') cat = 'createSource: a field the original did not send is sent';
      else if (e.kind === 'missing' && inAnyRule) cat = `createSource: a field the payload's method keeps was removed (${type === 'creditCard' ? 'card payload' : 'another method\'s rule'})`;
      else if (e.kind === 'missing') cat = 'createSource: a kept field was removed';
      else cat = 'createSource: a kept value changed';
      add(cat, `line ${a.line} [${status}] type ${type}${methodNote}: ${e.path} ${e.kind}` +
        `${'a' in e ? ' expected ' + show(e.a) : ''}${'b' in e ? ' got ' + show(e.b) : ''}`);
    }
  }
  return { findings, notes, harness };
}

// Runs original and migrated source and compares them (for the canaries).
async function checkPair(original, migrated, sites, rules, idempotent = true) {
  const orig = await execute(original, 'original/canary.js');
  const orig2 = await execute(original, 'original/canary.js');
  const mig = await execute(migrated, 'migrated/canary.js');
  return compareProgram({ orig, orig2, mig, sites, rules, idempotent: idempotent ? { ok: true } : { ok: false, diff: '(diff)' } });
}

// ------------------------------------------------------------- driver ----
function fileName(index) { return `p${String(index).padStart(6, '0')}.js`; }

function unifiedDiff(a, b, dir) {
  const fa = path.join(dir, 'a.js'), fb = path.join(dir, 'b.js');
  fs.writeFileSync(fa, a);
  fs.writeFileSync(fb, b);
  const res = spawnSync('diff', ['-u', '--label', 'original', '--label', 'migrated', fa, fb], { encoding: 'utf8' });
  fs.rmSync(fa); fs.rmSync(fb);
  return res.error ? '(diff not available)\n' : res.stdout;
}

async function runBatch(o, rules, indices, stats, failures) {
  const base = o.keep ? o.keep : fs.mkdtempSync(path.join(os.tmpdir(), 'psm-differential-'));
  const batchDir = path.join(base, `batch-${indices[0]}`);
  const work = path.join(batchDir, 'work');
  fs.rmSync(batchDir, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const programs = new Map();
  for (const index of indices) {
    const g = generateProgram(rules, o.seed, index, o.profile);
    programs.set(index, g);
    fs.writeFileSync(path.join(work, fileName(index)), g.source);
  }

  // one --write run over the whole directory
  const reportPath = path.join(batchDir, 'report.json');
  let t = Date.now();
  const res1 = runTool(o.tool, ['--write', ...toolBaseArgs(o), '--json-report', reportPath, '.'], work);
  if (res1.status !== 0 && res1.status !== 1) {
    throw new Error(`tool exited with ${res1.status === null ? 'signal ' + res1.signal : res1.status}: ${res1.stderr.trim()}`);
  }
  const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
  const sitesByFile = new Map();
  for (const s of report.sites || []) {
    const f = path.normalize(s.file).replace(/^\.\//, '');
    if (!sitesByFile.has(f)) sitesByFile.set(f, []);
    sitesByFile.get(f).push(s);
    stats.statuses[s.status] = (stats.statuses[s.status] || 0) + 1;
  }
  const toolErrors = new Map();
  for (const e of report.errors || []) toolErrors.set(path.normalize(e.file).replace(/^\.\//, ''), e.message);

  // (5) a second run changes nothing
  const res2 = runTool(o.tool, ['--diff', ...toolBaseArgs(o), '.'], work);
  stats.toolMs += Date.now() - t;
  t = Date.now();
  const secondDiff = new Map();
  let cur = null;
  for (const line of res2.stdout.split('\n')) {
    const mm = /^\+\+\+ b\/(.*)$/.exec(line) || /^\+\+\+ (.*)$/.exec(line);
    if (mm) { cur = path.basename(mm[1].trim()); secondDiff.set(cur, []); }
    if (cur) secondDiff.get(cur).push(line);
  }

  for (const index of indices) {
    const name = fileName(index);
    const { source, tags } = programs.get(index);
    const migrated = fs.readFileSync(path.join(work, name), 'utf8');
    const sites = sitesByFile.get(name) || [];
    stats.programs++;
    for (const t of tags) stats.tagCounts.set(t, (stats.tagCounts.get(t) || 0) + 1);
    if (migrated !== source) stats.changed++;
    const orig = await execute(source, `original/${name}`);
    const orig2 = await execute(source, `original/${name}`);
    const mig = migrated === source ? orig2 : await execute(migrated, `migrated/${name}`);
    const idempotent = secondDiff.has(name) ? { ok: false, diff: secondDiff.get(name).join('\n') } : { ok: true };
    const result = compareProgram({ orig, orig2, mig, sites, rules, idempotent });
    stats.createSourceCalls += orig.calls.filter((c) => c.fn === 'createSource').length;
    if (toolErrors.has(name)) stats.toolErrors++;
    if (result.harness.length) {
      stats.harness++;
      process.stderr.write(`HARNESS/GENERATOR PROBLEM seed=${o.seed} index=${index}: ${result.harness.join('; ')}\n${source}\n`);
      continue;
    }
    if (!result.findings.length) continue;
    const failure = { index, name, tags, source, migrated, sites, findings: result.findings, notes: result.notes, toolError: toolErrors.get(name) };
    failure.diff = unifiedDiff(source, migrated, batchDir);
    failures.push(failure);
    saveFailure(o, failure);
    if (failures.length <= o.show) printFailure(o, failure);
  }
  stats.execMs += Date.now() - t;
  if (!o.keep) fs.rmSync(base, { recursive: true, force: true });
}

function failureText(o, f) {
  const lines = [];
  const prof = o.profile === 'full' ? '' : ` --profile ${o.profile}`;
  lines.push(`FAIL seed=${o.seed} index=${f.index} (${f.name})   regenerate: node tests/differential/generate.js --seed ${o.seed} --index ${f.index}${prof}`);
  lines.push(`  generator tags: ${f.tags.join(' ')}`);
  lines.push(`  report sites: ${f.sites.map((s) => `line ${s.line} ${s.method} ${s.status}${s.removed && s.removed.length ? ' removed ' + s.removed.join(',') : ''}${s.reasons && s.reasons.length ? ' (' + s.reasons.join('; ') + ')' : ''}`).join(' | ') || '(none)'}`);
  if (f.toolError) lines.push(`  tool error: ${f.toolError}`);
  for (const x of f.findings) lines.push(`  - ${x.category}\n      ${x.detail}`);
  for (const n of f.notes) lines.push(`  note: ${n}`);
  lines.push('----- original program');
  lines.push(f.source.trimEnd());
  lines.push('----- migrated (diff)');
  lines.push(f.diff.trim() ? f.diff.trimEnd() : '(the tool left the file unchanged)');
  return lines.join('\n') + '\n';
}

function printFailure(o, f) { process.stdout.write(failureText(o, f) + '\n'); }

function saveFailure(o, f) {
  const dir = path.join(o.failures, `seed-${o.seed}`, f.name.replace(/\.js$/, ''));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'original.js'), f.source);
  fs.writeFileSync(path.join(dir, 'migrated.js'), f.migrated);
  fs.writeFileSync(path.join(dir, 'differences.txt'), failureText(o, f));
  fs.writeFileSync(path.join(dir, 'sites.json'), JSON.stringify(f.sites, null, 2) + '\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(o.rules)) usage(`rules file ${o.rules} not found`);
  const rules = loadRules(o.rules);
  if (o.selfTest) {
    const bad = await runCanaries({ checkPair, rules });
    if (bad.length) {
      process.stderr.write(`run.js: the harness itself is broken: ${bad.length} canary verdict(s) wrong:\n${bad.join('\n')}\n`);
      process.exit(3);
    }
  }
  const indices = o.only ? o.only : Array.from({ length: o.count }, (_, k) => o.start + k);
  const stats = { programs: 0, changed: 0, createSourceCalls: 0, harness: 0, toolErrors: 0, statuses: {}, toolMs: 0, execMs: 0, tagCounts: new Map() };
  const failures = [];
  if (o.keep) fs.mkdirSync(o.keep, { recursive: true });
  fs.rmSync(path.join(o.failures, `seed-${o.seed}`), { recursive: true, force: true });
  const t0 = Date.now();
  for (let k = 0; k < indices.length; k += o.batch) {
    await runBatch(o, rules, indices.slice(k, k + o.batch), stats, failures);
    if (indices.length > o.batch) {
      process.stderr.write(`run.js: ${Math.min(k + o.batch, indices.length)}/${indices.length} programs, ${failures.length} failing (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    }
  }

  // summary by category: programs per category, the shortest example, common tags
  const byCat = new Map();
  for (const f of failures) {
    for (const c of new Set(f.findings.map((x) => x.category))) {
      if (!byCat.has(c)) byCat.set(c, []);
      byCat.get(c).push(f);
    }
  }
  const out = [];
  out.push(`differential: seed ${o.seed}, ${stats.programs} programs (${stats.changed} changed by the tool), ` +
    `${stats.createSourceCalls} createSource calls, sites ${JSON.stringify(stats.statuses)}, ` +
    `${((Date.now() - t0) / 1000).toFixed(1)} s (tool ${(stats.toolMs / 1000).toFixed(1)} s, execution and checks ${(stats.execMs / 1000).toFixed(1)} s)`);
  if (failures.length) {
    out.push(`${failures.length} program(s) FAIL; saved under ${path.join(o.failures, 'seed-' + o.seed)}`);
    const cats = [...byCat.entries()].sort((x, y) => y[1].length - x[1].length);
    for (const [cat, fs_] of cats) {
      const shortest = fs_.reduce((b, f) => (f.source.length < b.source.length ? f : b));
      out.push(`  ${String(fs_.length).padStart(5)}  ${cat}   (shortest: index ${shortest.index})`);
      if (o.verbose) {
        const tagCount = new Map();
        for (const f of fs_) for (const t of f.tags) tagCount.set(t, (tagCount.get(t) || 0) + 1);
        // generator tags most over-represented among these failures
        const lift = ([t, n]) => (n / fs_.length) / (stats.tagCounts.get(t) / stats.programs);
        const top = [...tagCount.entries()].filter(([, n]) => n >= Math.min(2, fs_.length))
          .sort((x, y) => lift(y) - lift(x)).slice(0, 6).map((e) => `${e[0]} (${e[1]}/${fs_.length}, x${lift(e).toFixed(1)})`);
        out.push(`         tags: ${top.join(', ')}`);
      }
    }
  }
  if (stats.harness) out.push(`${stats.harness} program(s) are harness/generator problems (see stderr) -- fix the generator`);
  process.stdout.write(out.join('\n') + '\n');
  if (stats.harness) process.exit(3);
  process.exit(failures.length ? 1 : 0);
}

module.exports = { execute, compareProgram, checkPair, snap, normalizeObserved, SESSION_VALUE };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`run.js: ${e.stack || e}\n`);
    process.exit(2);
  });
}
