#include "find/closed_spread.h"

#include <vector>

#include "common/byte_range.h"
#include "common/js_string.h"
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
// be a session id: not a literal that is none, nor the placeholder.
bool SessionValue(TSNode member, std::string_view source) {
  if (node::Is(member, "shorthand_property_identifier")) return true;
  std::string_view value =
      node::Text(node::Unwrap(node::Field(member, "value")), source);
  for (std::string_view none : {"null", "undefined", "''", "\"\"", "``",
                                "void 0"}) {
    if (value == none) return false;
  }
  return value.find("TODO(payment-session-migrate)") == std::string_view::npos;
}

// The object's own keys, "\n"-framed, when every member is a plain
// `key: value` or shorthand; "" otherwise.
std::string PlainKeys(TSNode object, std::string_view source) {
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
    // What decides a payload's method stays the literal's own: a spread
    // bringing a type is judged as any other spread. So is one bringing a
    // sessionId that is no session (`null`, a placeholder left by a run);
    // one bringing a session id (`{ sessionId: checkout.payment.session.id,
    // owner }`) gives the payload its session: finished code.
    if (key == "__proto__" || key == "type" ||
        (key == "sessionId" && !SessionValue(member, source)) ||
        key.find('\n') != std::string::npos)
      return "";
    keys += key + "\n";
  }
  return keys;
}

bool Exported(TSNode declarator) {
  TSNode declaration = node::Parent(declarator);
  return node::Is(node::Parent(declaration), "export_statement");
}

}  // namespace

std::string ClosedSpreadKeys(TSNode spread_element, std::string_view source) {
  TSNode name = node::Unwrap(ts_node_named_child(spread_element, 0));
  if (!node::Is(name, "identifier")) return "";
  TSNode object = TraceToObjectLiteral(name, source);
  if (ts_node_is_null(object)) return "";
  std::string keys = PlainKeys(object, source);
  if (keys.empty()) return "";
  std::string_view text = node::Text(name, source);
  Binding binding = ResolveName(text, name, source);
  TSNode declared_name = node::Field(binding.declarator, "name");
  if (!node::Is(declared_name, "identifier") || Exported(binding.declarator))
    return "";
  TSNode root = ts_tree_root_node(name.tree);
  if (ts_node_eq(binding.scope, root) && IsClassicScript(root, source))
    return "";  // a global other scripts of the page may change
  std::vector<TSNode> uses = UsesOf(binding, text, source);
  for (TSNode use : uses) {
    if (!KeepsKeys(use, declared_name)) return "";
  }
  // A `var` or `let` may be written in ways that are not uses of it (a
  // destructuring assignment): every whole-word occurrence in its scope
  // must be one of the uses looked at.
  if (!binding.is_const &&
      WholeWordsOf(root, text, source, node::Range(binding.scope)).size() !=
          uses.size())
    return "";
  return keys;
}

}  // namespace psm
