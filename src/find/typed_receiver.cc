#include "find/typed_receiver.h"

#include <algorithm>

#include "find/object_builder.h"  // Quote
#include "find/scope.h"
#include "find/site_finder.h"  // kCreateSource
#include "syntax/node.h"

namespace psm {
namespace {

// The interface or type alias of the file, named in `annotation`, that
// declares a createSource: the node there; null when none does.
TSNode TypeWithCreateSource(TSNode annotation, std::string_view source) {
  TSNode root = ts_tree_root_node(annotation.tree);
  TSNode found{};
  ForEachDescendant(annotation, true, [&](TSNode n) {
    if (!ts_node_is_null(found) || !node::Is(n, "type_identifier")) return;
    std::string_view type = node::Text(n, source);
    for (TSNode top : node::NamedChildren(root)) {
      TSNode declared = node::Is(top, "export_statement")
                            ? node::Field(top, "declaration")
                            : top;
      if (!node::Is(declared, "interface_declaration") &&
          !node::Is(declared, "type_alias_declaration"))
        continue;
      if (node::Text(node::Field(declared, "name"), source) != type) continue;
      size_t at = node::Text(declared, source).find(kCreateSource);
      if (at == std::string_view::npos) continue;
      uint32_t begin = ts_node_start_byte(declared) + static_cast<uint32_t>(at);
      found = ts_node_descendant_for_byte_range(declared, begin, begin + 1);
    }
  });
  return found;
}

// The interface or type alias of the file named `name`, or null.
TSNode DeclaredTypeNamed(TSNode root, std::string_view name,
                         std::string_view source) {
  for (TSNode top : node::NamedChildren(root)) {
    TSNode declared = node::Is(top, "export_statement")
                          ? node::Field(top, "declaration")
                          : top;
    if ((node::Is(declared, "interface_declaration") ||
         node::Is(declared, "type_alias_declaration")) &&
        node::Text(node::Field(declared, "name"), source) == name)
      return declared;
  }
  return TSNode{};
}

// Whether the createSource member holding `name` types its parameters with
// a shape that names fields: an object type (`{ amount: number }`) or an
// interface or type of the file. `Record<string, unknown>`, `object`,
// `any` and types the file does not declare take any object.
bool TypesFieldsOfItsPayload(TSNode name, std::string_view source) {
  TSNode member = node::Parent(name);
  TSNode root = ts_tree_root_node(name.tree);
  // Its parameters only (`createSource(p: T): Promise<{...}>`), also of a
  // property typed as a function (`createSource: (p: T) => ...`).
  TSNode parameters{};
  ForEachDescendant(member, true, [&](TSNode n) {
    if (ts_node_is_null(parameters) && node::Is(n, "formal_parameters"))
      parameters = n;
  });
  if (ts_node_is_null(parameters)) return false;
  bool strict = false;
  ForEachDescendant(parameters, true, [&](TSNode n) {
    if (strict) return;
    if (node::Is(n, "object_type")) strict = true;
    if (node::Is(n, "type_identifier") &&
        !ts_node_is_null(
            DeclaredTypeNamed(root, node::Text(n, source), source)))
      strict = true;
  });
  return strict;
}

}  // namespace

std::string DeclaredReceiverType(TSNode receiver, std::string_view source) {
  receiver = node::Unwrap(receiver);
  if (!node::Is(receiver, "identifier")) return "";
  std::string_view name = node::Text(receiver, source);
  Binding b = ResolveName(name, receiver, source);
  if (b.kind != Binding::Kind::kVariable) return "";
  TSNode annotation = node::Field(b.declarator, "type");
  if (ts_node_is_null(annotation)) return "";
  TSNode typing = TypeWithCreateSource(annotation, source);
  if (ts_node_is_null(typing) || !TypesFieldsOfItsPayload(typing, source))
    return "";
  std::string_view type = node::Text(annotation, source);
  type.remove_prefix(std::min(type.find_first_not_of(": \t"), type.size()));
  return "the receiver " + Quote(name) + " is declared as " + Quote(type) +
         " (line " + std::to_string(node::Line(annotation)) +
         "), whose createSource (line " + std::to_string(node::Line(typing)) +
         ") types the payload: the edited object may no longer fit it (the "
         "file may not compile)";
}

}  // namespace psm
