#include "find/closed_spread.h"

#include <vector>

#include "common/byte_range.h"
#include "common/js_string.h"
#include "find/empty_values.h"
#include "find/module_factory.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "find/script_kind.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The node whose parent decides what a use does: `base` itself, or the
// wrapper a TypeScript cast or parentheses put around it.
TSNode Outermost(TSNode n) {
  for (TSNode up = node::Parent(n); !ts_node_is_null(up);
       up = node::Parent(n)) {
    std::string_view type = node::Type(up);
    if (type != "parenthesized_expression" && type != "as_expression" &&
        type != "satisfies_expression" && type != "non_null_expression")
      break;
    n = up;
  }
  return n;
}

// `base.key` used as a value: not written through (`base.k = v`,
// `base.k++`, `delete base.k`, a destructuring target) nor called (`base.f()`
// runs a function with `this` the object, which may add keys).
bool OnlyReadsThrough(TSNode member) {
  TSNode at = Outermost(member);
  TSNode parent = node::Parent(at);
  std::string_view type = node::Type(parent);
  if (type == "update_expression" || node::IsPatternPart(parent)) return false;
  if (type == "unary_expression" &&
      node::Type(ts_node_child(parent, 0)) == "delete")
    return false;
  if ((type == "assignment_expression" ||
       type == "augmented_assignment_expression") &&
      ts_node_eq(node::Field(parent, "left"), at))
    return false;
  if (type == "call_expression" &&
      ts_node_eq(node::Field(parent, "function"), at))
    return false;
  return true;
}

// A use of the name that cannot change the object's own keys: its
// declaration, a spread into another object, or a member read.
bool KeepsKeys(TSNode use, TSNode declared_name) {
  if (ts_node_eq(use, declared_name)) return true;
  TSNode at = Outermost(use);
  TSNode parent = node::Parent(at);
  if (node::Is(parent, "spread_element"))
    return node::Is(node::Parent(parent), "object");
  if (node::Is(parent, "member_expression") &&
      ts_node_eq(node::Field(parent, "object"), at))
    return OnlyReadsThrough(parent);
  return false;
}

// Whether `sessionId: value` (or the shorthand `sessionId`) holds what may
// be a session id on every path: not a literal that is none, nor the
// placeholder, nor a value empty on some paths (`c ? id : undefined`, a
// variable set so), which would leave those paths with neither a session
// nor the fields the migration removes.
bool SessionValue(TSNode member, std::string_view source) {
  if (node::Is(member, "shorthand_property_identifier"))
    return !VariableEmptyAtTimes(member, source);
  TSNode value = node::Unwrap(node::Field(member, "value"));
  return !IsEmptyValue(value, source) && !MayBeEmpty(value, source) &&
         node::Text(value, source).find("TODO(payment-session-migrate)") ==
             std::string_view::npos;
}

// The object's own keys, "\n"-framed, when every member is a plain
// `key: value` or shorthand; "" otherwise. `accept(member, key)` may
// refuse a member, which makes the keys unknown too.
template <typename Accept>
std::string OwnKeys(TSNode object, std::string_view source, Accept accept) {
  std::string keys = "\n";
  for (TSNode member : node::NamedChildren(object)) {
    std::string_view type = node::Type(member);
    std::string key;
    if (type == "comment") continue;
    if (type == "shorthand_property_identifier") {
      key = std::string(node::Text(member, source));
    } else if (type == "pair") {
      TSNode name = node::Field(member, "key");
      std::string_view kind = node::Type(name);
      if (kind == "string") {
        if (!node::StringLiteralValue(name, source, &key)) return "";
      } else if (kind == "property_identifier" || kind == "number") {
        key = DecodeJsEscapes(node::Text(name, source));
      } else {
        return "";  // a computed key
      }
    } else {
      return "";  // a spread, method, getter or setter
    }
    if (key == "__proto__" || key.find('\n') != std::string::npos ||
        !accept(member, key))
      return "";
    keys += key + "\n";
  }
  return keys;
}

// The keys a payload spread may take as its own (OwnKeys). What decides a
// payload's method stays the literal's own: a spread bringing a type is
// judged as any other spread. So is one bringing a sessionId that is no
// session (`null`, a placeholder left by a run); one bringing a session id
// (`{ sessionId: checkout.payment.session.id, owner }`) gives the payload
// its session: finished code.
std::string PlainKeys(TSNode object, std::string_view source) {
  return OwnKeys(object, source, [&](TSNode member, const std::string& key) {
    return key != "type" &&
           (key != "sessionId" || SessionValue(member, source));
  });
}

bool Exported(TSNode declarator) {
  TSNode declaration = node::Parent(declarator);
  return node::Is(node::Parent(declaration), "export_statement");
}

// Whether `name`'s binding is a global of a classic script, which other
// scripts of the page may change.
bool PageGlobal(const Binding& binding, TSNode name, std::string_view source) {
  TSNode root = ts_tree_root_node(name.tree);
  return ts_node_eq(binding.scope, root) && IsClassicScript(root, source);
}

// The keys of `...base`, `base` an object literal (see the header).
std::string KeysOfObject(TSNode name, std::string_view source) {
  TSNode object = TraceToObjectLiteral(name, source);
  if (ts_node_is_null(object)) return "";
  std::string keys = PlainKeys(object, source);
  if (keys.empty()) return "";
  std::string_view text = node::Text(name, source);
  Binding binding = ResolveName(text, name, source);
  TSNode declared_name = node::Field(binding.declarator, "name");
  if (!node::Is(declared_name, "identifier") || Exported(binding.declarator) ||
      PageGlobal(binding, name, source))
    return "";
  std::vector<TSNode> uses = UsesOf(binding, text, source);
  for (TSNode use : uses) {
    if (!KeepsKeys(use, declared_name)) return "";
  }
  // A `var` or `let` may be written in ways that are not uses of it (a
  // destructuring assignment): every whole-word occurrence in its scope
  // must be one of the uses looked at.
  TSNode root = ts_tree_root_node(name.tree);
  if (!binding.is_const &&
      WholeWordsOf(root, text, source, node::Range(binding.scope)).size() !=
          uses.size())
    return "";
  return keys;
}

// An `async` function or a generator: a call gives back a promise or an
// iterator, not the object it returns.
bool GivesBackSomethingElse(TSNode function) {
  if (node::Type(function).find("generator") != std::string_view::npos)
    return true;
  for (uint32_t i = 0; i < ts_node_child_count(function); ++i) {
    std::string_view type = node::Type(ts_node_child(function, i));
    if (type == "async" || type == "*") return true;
  }
  return false;
}

// The function `callee` names, when nothing can put another in its place:
// a function declaration or a `const` holding a function, of a module or
// a function (not a page global), whose name is only ever called.
TSNode SteadyFunction(TSNode callee, std::string_view source) {
  std::string_view text = node::Text(callee, source);
  Binding binding = ResolveName(text, callee, source);
  TSNode function = FunctionBoundTo(binding);
  if (ts_node_is_null(function) || GivesBackSomethingElse(function) ||
      PageGlobal(binding, callee, source))
    return TSNode{};
  TSNode declared_name = node::Field(binding.declarator, "name");
  for (TSNode use : UsesOf(binding, text, source)) {
    if (ts_node_eq(use, declared_name)) continue;
    TSNode at = Outermost(use);
    TSNode parent = node::Parent(at);
    if (!node::Is(parent, "call_expression") ||
        !ts_node_eq(node::Field(parent, "function"), at))
      return TSNode{};
  }
  return function;
}

// The keys of `...make(args)`, `make` a function of this file that gives
// back one object literal (OnlyReturnedObject): a new object each call,
// whose own keys are the literal's.
std::string KeysOfCall(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "identifier")) return "";
  TSNode function = SteadyFunction(callee, source);
  if (ts_node_is_null(function)) return "";
  TSNode object = OnlyReturnedObject(function);
  return ts_node_is_null(object) ? "" : PlainKeys(object, source);
}

}  // namespace

std::string WrittenKeys(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  std::string_view type = node::Type(value);
  if (type == "object")
    return OwnKeys(value, source, [](TSNode, const std::string&) {
      return true;
    });
  if (type == "string" || type == "number" || type == "true" ||
      type == "false" || type == "null" || type == "undefined")
    return "\n";  // a primitive: no keys of its own to send
  return "";
}

std::string ClosedSpreadKeys(TSNode spread_element, std::string_view source) {
  TSNode value = node::Unwrap(ts_node_named_child(spread_element, 0));
  if (node::Is(value, "identifier")) return KeysOfObject(value, source);
  if (node::Is(value, "call_expression")) return KeysOfCall(value, source);
  return "";
}

}  // namespace psm
