#include "find/empty_values.h"

#include <string>

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

}  // namespace psm
