#include "syntax/value_context.h"

#include "syntax/node.h"

namespace psm {
namespace {

bool IsFunction(std::string_view type) {
  return type == "function_declaration" || type == "function_expression" ||
         type == "generator_function" ||
         type == "generator_function_declaration" || type == "arrow_function" ||
         type == "method_definition";
}

// Code that runs as a function of its own, none of them async or a
// generator.
bool IsPlainInitializer(std::string_view type) {
  return type == "field_definition" || type == "public_field_definition" ||
         type == "class_static_block";
}

// The keyword the first of `needs` asks for.
std::string_view First(ExpressionNeeds needs) {
  return needs.await ? "await" : needs.yield ? "yield" : "";
}

// `async` and `*` stand among a function's own tokens, before its body.
std::string_view InFunction(TSNode function, ExpressionNeeds needs) {
  bool async = false;
  bool generator = node::Type(function).starts_with("generator_");
  for (TSNode child : node::Children(function)) {
    std::string_view type = node::Type(child);
    if (type == "async") async = true;
    if (type == "*") generator = true;
  }
  if (needs.await && !async) return "await";
  if (needs.yield && !generator) return "yield";
  return "";
}

// Top-level `await` is for modules only; a script that neither imports nor
// exports may be loaded as a classic script (or CommonJS), where it is a
// syntax error.
bool IsModule(TSNode program) {
  for (TSNode child : node::NamedChildren(program)) {
    if (node::Is(child, "import_statement") ||
        node::Is(child, "export_statement")) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view Disallowed(TSNode root, uint32_t at, ExpressionNeeds needs) {
  if (!needs.any()) return "";
  TSNode here = ts_node_descendant_for_byte_range(root, at, at + 1);
  bool in_parameters = false;
  for (TSNode up : node::Ancestors(here)) {
    std::string_view type = node::Type(up);
    if (type == "formal_parameters") in_parameters = true;
    // Parameters are evaluated before the body: neither keyword is allowed.
    if (IsFunction(type))
      return in_parameters ? First(needs) : InFunction(up, needs);
    if (IsPlainInitializer(type)) return First(needs);
    if (type == "program") {
      if (needs.yield) return "yield";
      return IsModule(up) ? "" : "await";
    }
  }
  return First(needs);  // too deep to tell
}

}  // namespace psm
