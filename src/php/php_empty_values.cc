#include "php/php_empty_values.h"

#include <string>

#include "common/nesting_guard.h"
#include "php/php_syntax.h"
#include "syntax/node.h"

namespace psm::php {

bool IsEmptyValue(TSNode value, std::string_view source) {
  value = Unparen(value);
  if (node::Is(value, "null")) return true;
  if (node::Is(value, "boolean"))  // `false`, as Magento's getters give
    return SameName(node::Text(value, source), "false");
  std::string text;
  return StringValue(value, source, &text) && text.empty();
}

bool EmptyAtTimes(TSNode value, std::string_view source) {
  thread_local int nesting = 0;
  NestingGuard guard(nesting);
  if (guard.TooDeep()) return true;  // generated chains: may be empty
  value = Unparen(value);
  if (node::Is(value, "conditional_expression")) {
    // `$a ?: $b` has no body: `$a` when it is truthy.
    for (const char* branch : {"body", "alternative"}) {
      TSNode b = node::Field(value, branch);
      if (ts_node_is_null(b)) continue;
      if (IsEmptyValue(b, source) || EmptyAtTimes(b, source)) return true;
    }
    return false;
  }
  if (!node::Is(value, "binary_expression")) return false;
  std::string_view op = node::Text(node::Field(value, "operator"), source);
  if (op == "&&" || op == "and") return true;  // a boolean, false at times
  TSNode right = node::Field(value, "right");
  return (op == "||" || op == "or" || op == "??") &&
         (IsEmptyValue(right, source) || EmptyAtTimes(right, source));
}

}  // namespace psm::php
