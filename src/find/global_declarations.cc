#include "find/global_declarations.h"

#include <vector>

#include "find/typed_receiver.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether the file is a module (an import or export at its top): its
// top-level declarations are then its own, and only `declare global`
// declares globals.
bool IsModule(TSNode root) {
  for (TSNode top : node::NamedChildren(root)) {
    if (node::Is(top, "import_statement") ||
        node::Is(top, "export_statement") ||
        node::Is(top, "import_alias"))
      return true;
  }
  return false;
}

// The statements whose declarations are global: the top level of a script,
// and every `declare global { ... }` block.
std::vector<TSNode> GlobalStatements(TSNode root) {
  std::vector<TSNode> statements;
  bool module = IsModule(root);
  for (TSNode top : node::NamedChildren(root)) {
    TSNode declared = top;
    if (node::Is(declared, "export_statement"))
      declared = node::Field(declared, "declaration");
    if (node::Is(declared, "ambient_declaration")) {
      TSNode inner = ts_node_named_child(declared, 0);
      if (node::Is(inner, "statement_block")) {  // `declare global {...}`
        for (TSNode s : node::NamedChildren(inner)) statements.push_back(s);
        continue;
      }
    }
    if (!module) statements.push_back(top);
  }
  return statements;
}

// The type annotation `statement` gives the global `name`, or null.
TSNode AnnotationIn(TSNode statement, std::string_view name,
                    std::string_view source) {
  TSNode declared = statement;
  if (node::Is(declared, "ambient_declaration"))
    declared = ts_node_named_child(declared, 0);
  if (node::Is(declared, "variable_declaration") ||
      node::Is(declared, "lexical_declaration")) {
    for (TSNode d : node::NamedChildren(declared)) {
      if (node::Is(d, "variable_declarator") &&
          node::Text(node::Field(d, "name"), source) == name)
        return node::Field(d, "type");
    }
  }
  // `interface Window { dr: DrApi }`: `window.dr`, also `dr` itself when
  // the page sets it as a property of the global object.
  if (node::Is(declared, "interface_declaration") &&
      node::Text(node::Field(declared, "name"), source) == "Window") {
    for (TSNode member : node::NamedChildren(node::Field(declared, "body"))) {
      if (node::Is(member, "property_signature") &&
          node::Text(node::Field(member, "name"), source) == name)
        return node::Field(member, "type");
    }
  }
  return TSNode{};
}

}  // namespace

GlobalDeclaration GlobalDeclarationOf(TSNode root, std::string_view name,
                                      std::string_view source) {
  GlobalDeclaration found;
  for (TSNode statement : GlobalStatements(root)) {
    TSNode annotation = AnnotationIn(statement, name, source);
    if (ts_node_is_null(annotation)) continue;
    found.type = node::Is(annotation, "type_annotation")
                     ? ts_node_named_child(annotation, 0)
                     : annotation;
    found.line = node::Line(statement);
    found.typing_line = AnnotationTypingLine(found.type, source);
    TSNode named = found.type;
    if (node::Is(named, "generic_type")) named = ts_node_named_child(named, 0);
    if (node::Is(named, "type_identifier"))
      found.named_type = std::string(node::Text(named, source));
    if (found.typing_line > 0) break;
  }
  return found;
}

}  // namespace psm
