#include "find/object_leaves.h"

#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// More holders than this (`{ a: { b: {...} } }`, `const x = y`) is not how
// anyone writes a module.
constexpr int kMaxHolders = 6;

bool ValueLeaves(TSNode value, std::string_view source, int depth);

// True when some use of the name `declarator` binds hands its value on.
bool NameLeaves(TSNode declarator, std::string_view source, int depth) {
  TSNode name = node::Field(declarator, "name");
  if (!node::Is(name, "identifier")) return true;  // destructured: unknown
  std::string_view text = node::Text(name, source);
  Binding b = ResolveName(text, name, source);
  for (TSNode use : UsesOf(b, text, source)) {
    if (ts_node_eq(use, name)) continue;
    if (ValueLeaves(use, source, depth + 1)) return true;
  }
  return false;
}

// True when the value at `value` (an object literal or a name of one) goes
// where other code can call its methods.
bool ValueLeaves(TSNode value, std::string_view source, int depth) {
  if (depth > kMaxHolders) return true;
  TSNode at = value;
  TSNode up = node::Parent(at);
  while (node::Is(up, "parenthesized_expression")) {
    at = up;
    up = node::Parent(at);
  }
  if (node::Is(up, "export_statement") || node::Is(up, "return_statement") ||
      node::Is(up, "arguments") || node::Is(up, "array") ||
      node::Is(up, "arrow_function") || node::Is(up, "spread_element"))
    return true;
  // `module.exports = {...}`, `window.checkout = x`, `y = x` (y's uses
  // are not followed).
  if (node::Is(up, "assignment_expression"))
    return !ts_node_eq(node::Field(up, "left"), at);
  if (node::Is(at, "shorthand_property_identifier"))  // `{ checkout }`
    return ValueLeaves(up, source, depth + 1);
  if (node::Is(up, "pair"))  // a property of another object
    return ts_node_eq(node::Field(up, "value"), at) &&
           ValueLeaves(node::Parent(up), source, depth + 1);
  if (node::Is(up, "variable_declarator"))
    return ts_node_eq(node::Field(up, "value"), at) &&
           NameLeaves(up, source, depth);
  // `x.method()`, `x.field`: a use that stays in this file.
  return false;
}

}  // namespace

bool ObjectLeavesFile(TSNode object, std::string_view source) {
  return node::Is(object, "object") && ValueLeaves(object, source, 0);
}

TSNode ObjectOfThis(TSNode self) {
  for (TSNode up = node::Parent(self); !ts_node_is_null(up);
       up = node::Parent(up)) {
    if (node::Is(up, "arrow_function")) continue;  // `this` is the outer one
    if (node::Is(up, "class_body")) return TSNode{};
    if (node::Is(up, "method_definition")) {
      TSNode owner = node::Parent(up);
      return node::Is(owner, "object") ? owner : TSNode{};
    }
    if (node::IsFunction(up)) {
      TSNode pair = node::Parent(up);
      return node::Is(pair, "pair") && node::Is(node::Parent(pair), "object")
                 ? node::Parent(pair)
                 : TSNode{};
    }
  }
  return TSNode{};
}

}  // namespace psm
