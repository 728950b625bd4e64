/**
 * jscodeshift transform doing the benchmark-equivalent of payment-session-migrate:
 * find every `X.createSource(...)` call, follow its last argument to an object
 * literal (inline, or a variable's initialiser in scope), add `sessionId` after
 * `type` and remove the fields the rule table (rules/payment-methods.json) drops,
 * including nested ones (`payPal.items`), then print the file with recast.
 *
 * It is for bench/run.sh (run with --dry, output discarded), not a complete
 * migration: no mutation tracking, no review reasons, no receiver filtering.
 * Like a typical jscodeshift codemod it parses every file it is given (no text
 * pre-filter): that is what jscodeshift users pay.
 */
'use strict';

const rules = require('../rules/payment-methods.json').methods;

function parserFor(path) {
  if (/\.(ts|mts|cts)$/.test(path)) return 'ts';
  if (/\.tsx$/.test(path)) return 'tsx';
  return 'babel';
}

function keyName(prop) {
  if (!prop || !prop.key || prop.computed) return null;
  const k = prop.key;
  if (k.type === 'Identifier') return k.name;
  if (k.type === 'StringLiteral' || k.type === 'Literal') return String(k.value);
  return null;
}

function isProperty(p) {
  return p && (p.type === 'ObjectProperty' || p.type === 'Property');
}

function unwrap(node) {
  while (node && (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' ||
                  node.type === 'TSNonNullExpression' || node.type === 'TSTypeAssertion' ||
                  node.type === 'ParenthesizedExpression')) {
    node = node.expression;
  }
  return node;
}

// The object literal an expression stands for: itself, or the initialiser of
// the variable it names (looked up through the enclosing scopes).
function resolveObject(j, path, node) {
  node = unwrap(node);
  if (!node) return null;
  if (node.type === 'ObjectExpression') return node;
  if (node.type !== 'Identifier') return null;
  const scope = path.scope && path.scope.lookup(node.name);
  if (!scope) return null;
  const bindings = scope.getBindings()[node.name] || [];
  for (const b of bindings) {
    const decl = b.parentPath && b.parentPath.node;
    if (decl && decl.type === 'VariableDeclarator') {
      const init = unwrap(decl.init);
      if (init && init.type === 'ObjectExpression') return init;
    }
  }
  return null;
}

function stringValue(node) {
  node = unwrap(node);
  if (!node) return null;
  if (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string')) {
    return node.value;
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return node.quasis[0].value.cooked;
  }
  return null;
}

function migratePayload(j, path, obj) {
  const props = obj.properties;
  const typeIndex = props.findIndex((p) => isProperty(p) && keyName(p) === 'type');
  if (typeIndex < 0) return false;
  const method = stringValue(props[typeIndex].value);
  const rule = method && rules[method];
  if (!rule) return false;
  let changed = false;
  for (const dotted of rule.remove) {
    const parts = dotted.split('.');
    let target = obj;
    for (let i = 0; target && i < parts.length - 1; i++) {
      const holder = target.properties.find((p) => isProperty(p) && keyName(p) === parts[i]);
      target = holder ? resolveObject(j, path, holder.value) : null;
    }
    if (!target) continue;
    const last = parts[parts.length - 1];
    const before = target.properties.length;
    target.properties = target.properties.filter((p) => !(isProperty(p) && keyName(p) === last));
    if (target.properties.length !== before) changed = true;
  }
  const hasSession = obj.properties.some((p) => isProperty(p) && keyName(p) === 'sessionId');
  if (rule.addSessionId && !hasSession) {
    const at = obj.properties.findIndex((p) => isProperty(p) && keyName(p) === 'type');
    const value = j.memberExpression(
      j.memberExpression(j.memberExpression(j.identifier('checkout'), j.identifier('payment')),
                         j.identifier('session')),
      j.identifier('id'));
    obj.properties.splice(at + 1, 0, j.objectProperty(j.identifier('sessionId'), value));
    changed = true;
  }
  return changed;
}

module.exports = function transformer(file, api) {
  const j = api.jscodeshift.withParser(parserFor(file.path));
  const root = j(file.source);
  let changed = false;
  root
    .find(j.CallExpression)
    .filter((p) => {
      const callee = p.node.callee;
      return callee && (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') &&
             !callee.computed && callee.property && callee.property.name === 'createSource';
    })
    .forEach((p) => {
      const args = p.node.arguments;
      if (args.length === 0) return;
      const obj = resolveObject(j, p, args[args.length - 1]);
      if (obj && migratePayload(j, p, obj)) changed = true;
    });
  root
    .find(j.OptionalCallExpression)
    .forEach((p) => {
      const callee = p.node.callee;
      if (!callee || !callee.property || callee.property.name !== 'createSource') return;
      const args = p.node.arguments;
      const obj = args.length ? resolveObject(j, p, args[args.length - 1]) : null;
      if (obj && migratePayload(j, p, obj)) changed = true;
    });
  return changed ? root.toSource() : null;
};
