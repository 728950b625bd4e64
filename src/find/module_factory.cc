#include "find/module_factory.h"

#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

bool IsFunctionExpression(TSNode n) {
  return node::Is(n, "arrow_function") || node::Is(n, "function_expression") ||
         node::Is(n, "function");
}

// The node a parenthesized `(function () {...})` stands as.
TSNode OutsideParentheses(TSNode n) {
  TSNode up = node::Parent(n);
  while (node::Is(up, "parenthesized_expression")) {
    n = up;
    up = node::Parent(n);
  }
  return n;
}

}  // namespace

TSNode OnlyReturnedObject(TSNode function) {
  TSNode body = node::Field(function, "body");
  if (!node::Is(body, "statement_block")) {
    TSNode value = node::Unwrap(body);
    return node::Is(value, "object") ? value : TSNode{};
  }
  TSNode only{};
  int returns = 0;
  ForEachDescendant(body, false, [&](TSNode n) {
    if (node::Is(n, "return_statement") && returns++ == 0) only = n;
  });
  uint32_t count = ts_node_named_child_count(body);
  if (returns != 1 || count == 0 ||
      !ts_node_eq(ts_node_named_child(body, count - 1), only))
    return TSNode{};
  TSNode value = node::Unwrap(ts_node_named_child(only, 0));
  return node::Is(value, "object") ? value : TSNode{};
}

TSNode ImmediatelyReturnedObject(TSNode call) {
  TSNode function = node::Unwrap(node::Field(call, "function"));
  if (!IsFunctionExpression(function)) return TSNode{};
  return OnlyReturnedObject(function);
}

TSNode InPlaceValue(TSNode value) {
  if (!node::Is(value, "call_expression")) return value;
  TSNode object = ImmediatelyReturnedObject(value);
  return ts_node_is_null(object) ? value : object;
}

bool IsModuleFactoryObject(TSNode object, std::string_view source) {
  TSNode function{};
  for (TSNode up = node::Parent(object); !ts_node_is_null(up);
       up = node::Parent(up)) {
    if (IsFunctionExpression(up)) {
      function = up;
      break;
    }
    if (node::IsFunction(up)) return false;  // a declaration or method
  }
  if (ts_node_is_null(function) ||
      !ts_node_eq(OnlyReturnedObject(function), object))
    return false;
  TSNode outside = OutsideParentheses(function);
  TSNode parent = node::Parent(outside);
  if (node::Is(parent, "call_expression"))
    return ts_node_eq(node::Field(parent, "function"), outside);
  if (!node::Is(parent, "arguments")) return false;
  TSNode call = node::Parent(parent);
  return node::Text(node::Field(call, "function"), source) == "define";
}

}  // namespace psm
