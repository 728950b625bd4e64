#include "find/name_reach.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "common/byte_range.h"
#include "common/strings.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Where the names of one declaration can be read.
enum class Reach {
  kNone,      // not a declaration, or a parameter (see ReachOf)
  kFunction,  // `var`, a function declaration: the function around it
  kBlock,     // `let`, `const`, `class`, a TypeScript enum or namespace
  kFile,      // `import`
};

bool IsPattern(TSNode parent, TSNode child) {
  std::string_view type = node::Type(parent);
  if (type == "object_pattern" || type == "array_pattern" ||
      type == "rest_pattern")
    return true;
  if (type == "assignment_pattern" || type == "object_assignment_pattern")
    return ts_node_eq(node::Field(parent, "left"), child);
  if (type == "pair_pattern")
    return ts_node_eq(node::Field(parent, "value"), child);
  return false;
}

// The reach of the declaration that the identifier at the end of `path`
// (root first) is a declared name of, found by climbing out of the
// destructuring patterns around it to the node that binds it (`*binder`,
// an index into `path`).
Reach ReachOfDeclaring(const std::vector<TSNode>& path, size_t* binder) {
  size_t i = path.size() - 1;
  std::string_view leaf = node::Type(path[i]);
  if (leaf != "identifier" && leaf != "type_identifier" &&
      leaf != "shorthand_property_identifier_pattern")
    return Reach::kNone;
  while (i >= 1 && IsPattern(path[i - 1], path[i])) --i;
  if (i < 1) return Reach::kNone;
  TSNode parent = path[i - 1];
  TSNode child = path[i];
  std::string_view type = node::Type(parent);
  *binder = i - 1;
  auto named = [&](const char* field) {
    return ts_node_eq(node::Field(parent, field), child);
  };
  if (type == "variable_declarator" && named("name") && i >= 2) {
    return node::Is(path[i - 2], "lexical_declaration") ? Reach::kBlock
                                                        : Reach::kFunction;
  }
  if (type == "for_in_statement" && named("left")) {
    TSNode kind = node::Field(parent, "kind");
    if (ts_node_is_null(kind)) return Reach::kNone;  // `for (x of xs)`
    return node::Is(kind, "var") ? Reach::kFunction : Reach::kBlock;
  }
  if ((type == "function_declaration" ||
       type == "generator_function_declaration") &&
      named("name"))
    return Reach::kFunction;
  if ((type == "class_declaration" || type == "enum_declaration" ||
       type == "internal_module") &&
      named("name"))
    return Reach::kBlock;
  if (type == "import_specifier" || type == "namespace_import" ||
      type == "import_clause")
    return Reach::kFile;
  return Reach::kNone;
}

// Where a name the file declares can be read: the function or block around
// each declaration of it (or the whole file).
struct NameReach {
  std::vector<ByteRange> scopes;
  uint32_t line = 0;  // of the first declaration; 0 when there is none
  // The `let`, `const` and `class` declarations among them.
  struct Lexical {
    ByteRange scope;
    uint32_t at = 0;  // where the declared name is
    uint32_t line = 0;
    ByteRange function;  // the nearest function around it, or the file
  };
  std::vector<Lexical> lexical;
};

bool IsBlock(TSNode n) {
  std::string_view type = node::Type(n);
  return type == "statement_block" || type == "switch_body" ||
         type == "for_statement" || type == "for_in_statement" ||
         type == "class_body";
}

// The scope of a declaration bound at `path[binder]`: the nearest function
// (or block, for `kBlock`) holding it; a function declaration's own name
// belongs to the scope around it, a `for (let x of ...)` to its loop.
ByteRange DeclarationScope(const std::vector<TSNode>& path, size_t binder,
                           Reach reach) {
  if (reach == Reach::kFile) return node::Range(path.front());
  if (reach == Reach::kBlock && node::Is(path[binder], "for_in_statement"))
    return node::Range(path[binder]);
  for (size_t k = binder; k-- > 0;) {
    if (node::IsFunction(path[k])) return node::Range(path[k]);
    if (reach == Reach::kBlock && IsBlock(path[k])) return node::Range(path[k]);
  }
  return node::Range(path.front());
}

// Whether the word at [at, end) may be a name a declaration introduces, by
// what stands before it: a keyword that declares (`const x`, `function x`,
// `import x`, `as x`), or `{`, `[`, `,`, `:`, `...` of a destructuring or
// declaration list. A read (`= x`, `(x`, `x.total`) is none. Saves a
// descent into the tree for most occurrences; the tree decides the rest.
bool MayDeclare(std::string_view source, uint32_t at, uint32_t end) {
  size_t after = source.find_first_not_of(" \t\r\n", end);
  if (after != std::string_view::npos && source[after] == '.') return false;
  std::string_view head = source.substr(0, at);
  size_t last = head.find_last_not_of(" \t\r\n");
  if (last == std::string_view::npos) return false;
  char c = head[last];
  if (c == '{' || c == '[' || c == ',' || c == ':' || c == '*') return true;
  if (c == '.') return last >= 2 && head.compare(last - 2, 3, "...") == 0;
  head = head.substr(0, last + 1);
  for (std::string_view keyword :
       {"var", "let", "const", "function", "class", "import", "as", "enum",
        "namespace", "module"}) {
    if (head.ends_with(keyword) &&
        (head.size() == keyword.size() ||
         !IsIdentifierByte(head[head.size() - keyword.size() - 1])))
      return true;
  }
  return false;
}

// Parameters (and catch and arrow parameters) do not count: a name that is
// a parameter of one function and a global of the page in another
// (`function render(drSettings)` next to a read of the global
// `drSettings`) is common, a read throwing for it rare.
NameReach ReachOf(TSNode root, std::string_view name, std::string_view source) {
  NameReach reach;
  for (uint32_t at : WholeWordsOf(root, name, source, node::Range(root))) {
    if (!MayDeclare(source, at, at + name.size())) continue;
    std::vector<TSNode> path =
        node::PathTo(root, at, static_cast<uint32_t>(at + name.size()));
    size_t binder = 0;
    Reach kind =
        path.size() < 2 ? Reach::kNone : ReachOfDeclaring(path, &binder);
    if (kind == Reach::kNone) continue;
    if (reach.line == 0) reach.line = node::Line(path.back());
    reach.scopes.push_back(DeclarationScope(path, binder, kind));
    if (kind == Reach::kBlock && !node::Is(path[binder], "for_in_statement")) {
      ByteRange function = node::Range(path.front());
      for (size_t k = binder; k-- > 0;) {
        if (node::IsFunction(path[k])) {
          function = node::Range(path[k]);
          break;
        }
      }
      reach.lexical.push_back({reach.scopes.back(), at,
                               static_cast<uint32_t>(node::Line(path.back())),
                               function});
    }
  }
  return reach;
}

// ReachOf, remembered per file (while its IndexedTree is alive) and name:
// payload values read the same few names over and over.
const NameReach& RememberedReachOf(TSNode use, std::string_view name,
                                   std::string_view source) {
  thread_local uint64_t cached_for = 0;
  // Keyed by the names as the file spells them (views of its text, alive
  // as long as its IndexedTree): no copy per lookup.
  thread_local std::unordered_map<std::string_view, NameReach> known;
  thread_local NameReach fresh;
  uint64_t id = IndexedTreeId(use);
  TSNode root = ts_tree_root_node(use.tree);
  if (id == 0) return fresh = ReachOf(root, name, source);
  if (id != cached_for) known.clear(), cached_for = id;
  auto found = known.find(name);
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

uint32_t LineInDeadZone(TSNode use, std::string_view name,
                        std::string_view source) {
  const NameReach& reach = RememberedReachOf(use, name, source);
  uint32_t at = ts_node_start_byte(use);
  for (const NameReach::Lexical& d : reach.lexical) {
    if (!(d.scope.begin <= at && at < d.scope.end) || d.at <= at) continue;
    // The innermost function around the use must be the declaration's.
    ByteRange inner = d.function;
    for (TSNode p = node::Parent(use); !ts_node_is_null(p);
         p = node::Parent(p)) {
      if (node::IsFunction(p)) {
        inner = node::Range(p);
        break;
      }
    }
    if (inner == d.function) return d.line;
  }
  return 0;
}

}  // namespace psm
