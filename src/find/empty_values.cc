#include "find/empty_values.h"

#include <string>

#include "find/scope.h"
#include "syntax/node.h"

namespace psm {

bool IsEmptyValue(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  std::string_view type = node::Type(value);
  if (type == "null" || type == "undefined") return true;
  if (type == "identifier") return node::Text(value, source) == "undefined";
  if (type == "unary_expression")
    return node::Text(value, source).starts_with("void");
  std::string text;
  return (type == "string" || type == "template_string") &&
         node::StringLiteralValue(value, source, &text) && text.empty();
}

bool EmptyAtTimes(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "ternary_expression")) {
    for (const char* branch : {"consequence", "alternative"}) {
      TSNode b = node::Field(value, branch);
      if (IsEmptyValue(b, source) || EmptyAtTimes(b, source)) return true;
    }
    return false;
  }
  if (!node::Is(value, "binary_expression")) return false;
  std::string_view op = node::Text(node::Field(value, "operator"), source);
  if (op == "&&") return true;  // the left side, when it is falsy
  TSNode right = node::Field(value, "right");
  return (op == "||" || op == "??") &&
         (IsEmptyValue(right, source) || EmptyAtTimes(right, source));
}

namespace {

bool Empties(TSNode value, std::string_view source) {
  return IsEmptyValue(value, source) || EmptyAtTimes(value, source);
}

// `let sid; sid = id;`: a plain assignment that is a statement of the
// declaration's own block, between it and the read, runs on every path.
bool SetBeforeOnEveryPath(const Binding& binding, TSNode read) {
  TSNode declaration = node::Parent(binding.declarator);
  TSNode block = node::Parent(declaration);
  for (TSNode assignment : binding.assignments) {
    TSNode statement = node::Parent(assignment);
    if (node::Is(statement, "expression_statement") &&
        ts_node_eq(node::Parent(statement), block) &&
        ts_node_start_byte(statement) > ts_node_end_byte(declaration) &&
        ts_node_end_byte(statement) <= ts_node_start_byte(read))
      return true;
  }
  return false;
}

}  // namespace

bool VariableEmptyAtTimes(TSNode identifier, std::string_view source) {
  Binding binding =
      ResolveName(node::Text(identifier, source), identifier, source);
  if (binding.kind != Binding::Kind::kVariable) return false;
  for (TSNode assignment : binding.assignments) {
    if (Empties(node::Field(assignment, "right"), source)) return true;
  }
  TSNode value = node::Field(binding.declarator, "value");
  if (!ts_node_is_null(value)) return Empties(value, source);
  return !SetBeforeOnEveryPath(binding, identifier);
}

}  // namespace psm
