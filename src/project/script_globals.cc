#include "project/script_globals.h"

#include "find/module_factory.h"
#include "project/module_exports.h"
#include "syntax/node.h"

namespace psm {
namespace {

bool IsModule(TSNode root) {
  for (TSNode statement : node::NamedChildren(root)) {
    if (node::Is(statement, "import_statement") ||
        node::Is(statement, "export_statement")) {
      return true;
    }
  }
  return false;
}

bool NamesGlobal(std::string_view left, std::string_view name) {
  for (std::string_view object : {"window.", "self.", "globalThis."}) {
    if (left.starts_with(object) && left.substr(object.size()) == name)
      return true;
  }
  return false;
}

}  // namespace

TSNode GlobalDefinition(TSNode root, std::string_view source,
                        std::string_view name) {
  bool script = !IsModule(root);
  for (TSNode statement : node::NamedChildren(root)) {
    std::string_view type = node::Type(statement);
    if (script && type == "function_declaration" &&
        node::Text(node::Field(statement, "name"), source) == name) {
      return statement;
    }
    if (script && type == "variable_declaration") {
      for (TSNode d : node::NamedChildren(statement)) {
        if (node::Is(d, "variable_declarator") &&
            node::Text(node::Field(d, "name"), source) == name) {
          return InPlaceValue(node::Unwrap(node::Field(d, "value")));
        }
      }
    }
    if (type != "expression_statement") continue;
    TSNode e = node::Unwrap(ts_node_named_child(statement, 0));
    if (node::Is(e, "assignment_expression") &&
        NamesGlobal(node::Text(node::Field(e, "left"), source), name)) {
      return InPlaceValue(ValueOf(node::Field(e, "right"), source));
    }
  }
  return TSNode{};
}

}  // namespace psm
