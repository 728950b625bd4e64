#include "project/value_uses.h"

#include "find/receiver.h"
#include "syntax/node.h"

namespace psm::value_uses {
namespace {

bool IsWrapper(TSNode n) {
  std::string_view type = node::Type(n);
  return type == "parenthesized_expression" || type == "as_expression" ||
         type == "satisfies_expression" || type == "non_null_expression" ||
         type == "type_assertion";
}

bool IsConsoleCall(TSNode call, std::string_view text) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  return node::Is(callee, "member_expression") &&
         node::Text(node::Field(callee, "object"), text) == "console";
}

}  // namespace

TSNode Up(TSNode e) {
  TSNode up = node::Parent(e);
  while (IsWrapper(up)) up = node::Parent(up);
  return up;
}

bool KeyOf(TSNode up, TSNode e, std::string_view text, std::string* key) {
  if (node::Is(up, "member_expression") &&
      ts_node_eq(node::Unwrap(node::Field(up, "object")), e)) {
    TSNode property = node::Field(up, "property");
    if (!node::Is(property, "property_identifier")) return false;
    *key = std::string(node::Text(property, text));
    return true;
  }
  return node::Is(up, "subscript_expression") &&
         ts_node_eq(node::Unwrap(node::Field(up, "object")), e) &&
         node::StringLiteralValue(node::Field(up, "index"), text, key);
}

bool IsCallee(TSNode e) {
  TSNode up = Up(e);
  return node::Is(up, "call_expression") &&
         ts_node_eq(node::Unwrap(node::Field(up, "function")), e);
}

TSNode PassedOn(TSNode e, TSNode up, std::string_view text) {
  if (node::Is(up, "await_expression")) return up;
  if (node::Is(up, "ternary_expression")) {
    return ts_node_eq(node::Unwrap(node::Field(up, "condition")), e) ? TSNode{}
                                                                     : up;
  }
  std::string_view op = node::Text(node::Field(up, "operator"), text);
  if (node::Is(up, "binary_expression") &&
      (op == "&&" || op == "||" || op == "??")) {
    return up;
  }
  TSNode call = node::Parent(up);
  if (node::Is(up, "arguments") && node::Is(call, "call_expression")) {
    std::string_view callee = node::Text(node::Field(call, "function"), text);
    if (callee == "JSON.parse" || callee.ends_with(".parseJSON")) return call;
  }
  return TSNode{};
}

bool NotRead(TSNode e, TSNode up, std::string_view text) {
  if ((node::Is(up, "if_statement") || node::Is(up, "while_statement") ||
       node::Is(up, "do_statement") || node::Is(up, "ternary_expression")) &&
      ts_node_eq(node::Unwrap(node::Field(up, "condition")), e)) {
    return true;
  }
  std::string_view op = node::Text(node::Field(up, "operator"), text);
  if (node::Is(up, "unary_expression"))
    return op == "!" || op == "typeof" || op == "void";
  if (node::Is(up, "binary_expression"))
    return op == "==" || op == "!=" || op == "===" || op == "!==";
  if (node::Is(up, "arguments")) return IsConsoleCall(node::Parent(up), text);
  return node::Is(up, "expression_statement");
}

bool IsCreateSourceCall(TSNode call, std::string_view text) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "member_expression"))
    return node::Text(callee, text) == "createSource";
  return node::Text(node::Field(callee, "property"), text) == "createSource" &&
         ClassifyReceiver(node::Field(callee, "object"), text) !=
             Receiver::kOtherLibrary;
}

std::string PatternKey(TSNode part, std::string_view text) {
  TSNode named = part;
  if (node::Is(part, "pair_pattern")) named = node::Field(part, "key");
  if (node::Is(part, "object_assignment_pattern"))
    named = node::Field(part, "left");
  std::string key;
  if (node::Is(named, "property_identifier") ||
      node::Is(named, "shorthand_property_identifier_pattern")) {
    return std::string(node::Text(named, text));
  }
  if (node::StringLiteralValue(named, text, &key)) return key;
  return "";
}

TSNode PatternBound(TSNode part) {
  TSNode bound = part;
  if (node::Is(part, "pair_pattern")) bound = node::Field(part, "value");
  if (node::Is(part, "object_assignment_pattern"))
    bound = node::Field(part, "left");
  if (node::Is(bound, "assignment_pattern")) bound = node::Field(bound, "left");
  return bound;
}

}  // namespace psm::value_uses
