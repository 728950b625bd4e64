#include "php/php_session_scope.h"

#include <vector>

#include "common/strings.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

// The variables `expression` names (`$this` included), in order, once each.
std::vector<std::string> VariablesOf(std::string_view expression) {
  std::vector<std::string> names;
  for (size_t at = expression.find('$'); at != std::string_view::npos;
       at = expression.find('$', at + 1)) {
    size_t end = at + 1;
    while (end < expression.size() && IsIdentifierByte(expression[end])) ++end;
    if (end == at + 1) continue;
    std::string name(expression.substr(at + 1, end - at - 1));
    bool seen = false;
    for (const std::string& n : names) seen = seen || n == name;
    if (!seen) names.push_back(std::move(name));
  }
  return names;
}

bool IsFunctionNode(TSNode n) {
  return node::Is(n, "function_definition") ||
         node::Is(n, "method_declaration") ||
         node::Is(n, "anonymous_function") || node::Is(n, "arrow_function");
}

bool IsStaticMethod(TSNode method) {
  for (TSNode child : node::NamedChildren(method)) {
    if (node::Is(child, "static_modifier")) return true;
    if (node::Is(child, "compound_statement")) break;
  }
  return false;
}

// The function around `n` whose variables `n` sees: arrow functions see
// their parent's; closures have their own (with `use`).
TSNode VariableScopeOf(TSNode n) {
  for (TSNode up = node::Parent(n); !ts_node_is_null(up);
       up = node::Parent(up)) {
    if (IsFunctionNode(up) && !node::Is(up, "arrow_function")) return up;
  }
  return TSNode{};
}

// Where `$this` at `n` would be an object: in a method that is not static,
// or a closure or arrow function (not `static`) inside one.
std::string WhyNoThis(TSNode n, std::string_view source) {
  for (TSNode up = node::Parent(n); !ts_node_is_null(up);
       up = node::Parent(up)) {
    if (!IsFunctionNode(up)) continue;
    if (node::Is(up, "function_definition"))
      return "the function `" +
             std::string(node::Text(node::Field(up, "name"), source)) +
             "` around the array is not a method";
    if (node::Is(up, "method_declaration")) {
      if (!IsStaticMethod(up)) return "";
      return "the method `" +
             std::string(node::Text(node::Field(up, "name"), source)) +
             "` around the array is static";
    }
    if (node::Text(up, source).starts_with("static")) {
      return "the static closure around the array has none";
    }
  }
  return "";  // top-level code: a template's `$this` is its block
}

}  // namespace

std::string SessionExpressionOutOfScope(TSNode root, uint32_t at,
                                        std::string_view expression,
                                        std::string_view source) {
  TSNode here = ts_node_descendant_for_byte_range(root, at, at);
  for (const std::string& name : VariablesOf(expression)) {
    std::string why;
    if (name == "this") {
      why = WhyNoThis(here, source);
    } else {
      TSNode scope = VariableScopeOf(here);
      if (ts_node_is_null(scope)) continue;  // top-level code
      std::string_view before = source.substr(ts_node_start_byte(scope),
                                              at - ts_node_start_byte(scope));
      // `$sid` as a whole word (a `$` counts as a letter of one, as in
      // JavaScript: `sid` alone is never whole after it).
      if (WordsAt(before, "$" + name).empty())
        why = "the function around the array neither takes nor sets `$" + name +
              "`";
    }
    if (!why.empty())
      return "the session expression `" + std::string(expression) +
             "` (--php-session-id) uses `$" + name + "`, and " + why +
             ": add sessionId by hand, or give an expression that works "
             "there";
  }
  return "";
}

}  // namespace psm::php
