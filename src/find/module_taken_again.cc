#include "find/module_taken_again.h"

#include <vector>

#include "common/strings.h"
#include "find/object_builder.h"  // Quote
#include "syntax/node.h"

namespace psm {
namespace {

// Whether the import statement `statement` takes `name` (or the whole
// module: a namespace import; the default export for "default").
bool ImportTakes(TSNode statement, std::string_view name,
                 std::string_view source) {
  bool takes = false;
  for (TSNode clause : node::NamedChildren(statement)) {
    if (!node::Is(clause, "import_clause")) continue;
    for (TSNode part : node::NamedChildren(clause)) {
      if (node::Is(part, "namespace_import")) takes = true;
      if (node::Is(part, "identifier") && name == "default") takes = true;
      if (!node::Is(part, "named_imports")) continue;
      for (TSNode spec : node::NamedChildren(part)) {
        std::string_view imported =
            node::Text(node::Field(spec, "name"), source);
        if (imported == name) takes = true;
      }
    }
  }
  return takes;
}

// Whether `require(...)` (or `import(...)`) at `call` takes `name`: the
// module whole, a destructuring naming it, or `.name` read in place.
bool CallTakes(TSNode call, std::string_view name, std::string_view source) {
  TSNode up = node::Parent(call);
  while (node::Is(up, "parenthesized_expression") ||
         node::Is(up, "await_expression"))
    up = node::Parent(up);
  // `require('./a').build` reads one export; `import('./a').then(...)` is
  // a promise of the whole module.
  bool dynamic = node::Text(node::Field(call, "function"), source) == "import";
  if (!dynamic && node::Is(up, "member_expression") &&
      ts_node_eq(node::Unwrap(node::Field(up, "object")), node::Unwrap(call)))
    return node::Text(node::Field(up, "property"), source) == name;
  if (node::Is(up, "variable_declarator") &&
      node::Is(node::Field(up, "name"), "object_pattern")) {
    bool takes = false;
    for (TSNode p : node::NamedChildren(node::Field(up, "name"))) {
      TSNode key = node::Is(p, "pair_pattern") ? node::Field(p, "key") : p;
      if (node::Is(key, "object_assignment_pattern"))
        key = node::Field(key, "left");
      if (node::Text(key, source) == name || node::Is(p, "rest_pattern"))
        takes = true;
    }
    return takes;
  }
  return true;  // the module as a whole
}

}  // namespace

std::string ModuleTakenAgain(TSNode root, std::string_view source,
                             std::string_view specifier,
                             std::string_view name) {
  if (specifier.empty() || name.empty()) return "";
  std::vector<TSNode> takers;
  for (size_t at = FindText(source, specifier); at != std::string_view::npos;
       at = FindText(source, specifier, at + 1)) {
    auto begin = static_cast<uint32_t>(at);
    TSNode string = node::Parent(ts_node_descendant_for_byte_range(
        root, begin, begin + static_cast<uint32_t>(specifier.size())));
    if (node::Is(string, "string_fragment")) string = node::Parent(string);
    std::string value;
    if (!node::Is(string, "string") ||
        !node::StringLiteralValue(string, source, &value) ||
        value != specifier)
      continue;
    TSNode up = node::Parent(string);
    if (node::Is(up, "import_statement")) {
      if (ImportTakes(up, name, source)) takers.push_back(up);
      continue;
    }
    if (!node::Is(up, "arguments")) continue;
    TSNode call = node::Parent(up);
    std::string_view callee = node::Text(node::Field(call, "function"), source);
    if ((callee == "require" || callee == "import") &&
        CallTakes(call, name, source))
      takers.push_back(call);
  }
  if (takers.size() < 2) return "";
  TSNode again = takers[1];
  std::string_view text = node::Text(again, source);
  if (text.size() > 60) text = text.substr(0, 60);
  return "the file takes the builder's module " + Quote(specifier) +
         " again at line " + std::to_string(node::Line(again)) + " (" +
         Quote(text) +
         "): what it gets there is the same builder, and may read every "
         "field of what it returns";
}

}  // namespace psm
