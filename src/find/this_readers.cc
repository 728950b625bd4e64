#include "find/this_readers.h"

#include "common/strings.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {

bool UsesThis(TSNode function, std::string_view source) {
  std::string_view type = node::Type(function);
  if (type != "method_definition" && type != "function_expression" &&
      type != "function" && type != "generator_function")
    return false;
  std::string_view text = node::Text(function, source);
  for (size_t at = text.find("this"); at != std::string_view::npos;
       at = text.find("this", at + 4)) {
    if (IsWholeIdentifierAt(text, at, 4)) return true;
  }
  return false;
}

namespace {

// The function `value` is or names in this file (a declaration, or a
// `const` holding one), or null.
TSNode FunctionOf(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (!node::Is(value, "identifier")) return value;
  return FunctionBoundTo(ResolveName(node::Text(value, source), value, source));
}

}  // namespace

std::string ThisReaderWritten(TSNode value, std::string_view key,
                              std::string_view source) {
  TSNode function = FunctionOf(value, source);
  if (!ts_node_is_null(function) && UsesThis(function, source))
    return "is given a function that reads the payload through `this`";
  if (key == "toJSON" || key == "valueOf" || key == "toString")
    return "is given a `" + std::string(key) +
           "`, which serialising or converting the payload calls";
  return "";
}

}  // namespace psm
