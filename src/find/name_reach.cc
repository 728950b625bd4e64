#include "find/name_reach.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "common/byte_range.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether the identifier `n`, child of `parent`, is the name a declaration
// introduces: a variable, function, class, parameter, catch or import
// binding, also inside a destructuring pattern.
bool IsDeclaringName(TSNode n, TSNode parent) {
  std::string_view self = node::Type(n);
  if (self == "shorthand_property_identifier_pattern") return true;
  if (self != "identifier" && self != "type_identifier") return false;
  std::string_view type = node::Type(parent);
  if (type == "variable_declarator" || type == "function_declaration" ||
      type == "generator_function_declaration" || type == "class_declaration" ||
      type == "catch_clause" || type == "import_specifier" ||
      type == "enum_declaration" || type == "internal_module") {
    return ts_node_eq(node::Field(parent, "name"), n) ||
           ts_node_eq(node::Field(parent, "parameter"), n) ||
           ts_node_eq(node::Field(parent, "alias"), n);
  }
  if (type == "formal_parameters" || type == "array_pattern" ||
      type == "object_pattern" || type == "rest_pattern" ||
      type == "namespace_import" || type == "import_clause") {
    return true;
  }
  if (type == "required_parameter" || type == "optional_parameter")
    return ts_node_eq(node::Field(parent, "pattern"), n);
  if (type == "assignment_pattern" || type == "for_in_statement")
    return ts_node_eq(node::Field(parent, "left"), n);
  if (type == "pair_pattern")
    return ts_node_eq(node::Field(parent, "value"), n);
  if (type == "arrow_function")
    return ts_node_eq(node::Field(parent, "parameter"), n);
  return false;
}

// Where a name the file declares can be read: the function (or the whole
// file) around each declaration of it, a little wider than JavaScript's
// block scopes, so that a read counts as out of reach only when it is.
struct NameReach {
  std::vector<ByteRange> scopes;
  uint32_t line = 0;  // of the first declaration; 0 when there is none
};

// The function around the declaring identifier at the end of `path` (root
// first): a parameter's own function, else the one holding the declaration
// (a function declaration's name belongs to the scope around it).
ByteRange DeclarationScope(const std::vector<TSNode>& path) {
  size_t k = path.size() - 1;
  if (k >= 1 && node::IsFunction(path[k - 1]) &&
      ts_node_eq(node::Field(path[k - 1], "name"), path[k])) {
    --k;
  }
  while (k-- > 0) {
    if (node::IsFunction(path[k])) return node::Range(path[k]);
  }
  return node::Range(path.front());
}

// Whether the word at [at, end) cannot be a declaring name by the text
// around it: a property (`x.name`) or the object of a member or call
// (`name.total`, `name(`) is a read. Saves a descent into the tree for most
// occurrences; it errs only towards "a declaration", looked at then.
bool PlainlyNotDeclaring(std::string_view source, uint32_t at, uint32_t end) {
  size_t before = at == 0 ? std::string_view::npos
                          : source.find_last_not_of(" \t\r\n", at - 1);
  if (before != std::string_view::npos && source[before] == '.' &&
      (before < 2 || source.compare(before - 2, 3, "...") != 0)) {
    return true;
  }
  size_t after = source.find_first_not_of(" \t\r\n", end);
  if (after == std::string_view::npos) return false;
  char next = source[after];
  if (next != '.' && next != '(' && next != '[') return false;
  // `function name(`, `class Name {` and `name(...) {` (a method) declare.
  std::string_view head = source.substr(0, at);
  head = head.substr(0, head.find_last_not_of(" \t\r\n*") + 1);
  return !head.ends_with("function") && !head.ends_with("class");
}

NameReach ReachOf(TSNode root, std::string_view name, std::string_view source) {
  NameReach reach;
  for (uint32_t at : WholeWordsOf(root, name, source, node::Range(root))) {
    if (PlainlyNotDeclaring(source, at, at + name.size())) continue;
    std::vector<TSNode> path =
        node::PathTo(root, at, static_cast<uint32_t>(at + name.size()));
    if (path.size() < 2 || !IsDeclaringName(path.back(), path.end()[-2]))
      continue;
    if (reach.line == 0) reach.line = node::Line(path.back());
    reach.scopes.push_back(DeclarationScope(path));
  }
  return reach;
}

// ReachOf, remembered per file (while its IndexedTree is alive) and name:
// payload values read the same few names over and over.
const NameReach& RememberedReachOf(TSNode use, std::string_view name,
                                   std::string_view source) {
  thread_local uint64_t cached_for = 0;
  thread_local std::unordered_map<std::string, NameReach> known;
  thread_local NameReach fresh;
  uint64_t id = IndexedTreeId(use);
  TSNode root = ts_tree_root_node(use.tree);
  if (id == 0) return fresh = ReachOf(root, name, source);
  if (id != cached_for) known.clear(), cached_for = id;
  auto found = known.find(std::string(name));
  if (found != known.end()) return found->second;
  return known.emplace(name, ReachOf(root, name, source)).first->second;
}

}  // namespace

uint32_t LineDeclaredOutOfReach(TSNode use, std::string_view name,
                                std::string_view source) {
  const NameReach& reach = RememberedReachOf(use, name, source);
  uint32_t at = ts_node_start_byte(use);
  for (const ByteRange& scope : reach.scopes) {
    if (scope.begin <= at && at < scope.end) return 0;
  }
  return reach.line;
}

}  // namespace psm
