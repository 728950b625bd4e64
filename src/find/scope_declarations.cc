// The declarations a scope makes, for ResolveName (find/scope.cc): which
// statement of a block declares a name, the `var`s hoisted into it, what a
// binding pattern binds.
#include "find/scope_declarations.h"

#include <algorithm>
#include <string>
#include <vector>

#include "common/byte_range.h"
#include "common/step_counter.h"
#include "find/scope.h"
#include "find/scope_index.h"
#include "syntax/node.h"

namespace psm::scope_detail {

// (TypeScript names a class declaration with a `type_identifier`.)
bool IsNamed(TSNode n, std::string_view name, std::string_view source) {
  return (node::Is(n, "identifier") || node::Is(n, "type_identifier")) &&
         node::Text(n, source) == name;
}

// True when the binding pattern `pattern` (an identifier, or an object or
// array destructuring pattern) introduces `name`.
bool PatternBinds(TSNode pattern, std::string_view name,
                  std::string_view source) {
  if (ts_node_is_null(pattern)) return false;
  if (IsNamed(pattern, name, source)) return true;
  bool found = false;
  ForEachDescendant(pattern, false, [&](TSNode n) {
    std::string_view type = node::Type(n);
    if ((type == "identifier" ||
         type == "shorthand_property_identifier_pattern") &&
        node::Text(n, source) == name) {
      // Only a name every step up to the pattern keeps in a binding
      // place binds: in `{ a = b }`, `{ a = b.c }`, `{ [k]: a }` and
      // `[o.a] = ...` only `a` is bound (a default value or key is read).
      bool binds = true;
      for (TSNode at = n; binds && !ts_node_eq(at, pattern);) {
        TSNode parent = node::Parent(at);
        bool is_default = (node::Is(parent, "assignment_pattern") ||
                           node::Is(parent, "object_assignment_pattern")) &&
                          ts_node_eq(node::Field(parent, "right"), at);
        bool is_key = node::Is(parent, "pair_pattern") &&
                      ts_node_eq(node::Field(parent, "key"), at);
        binds = !ts_node_is_null(parent) && !is_default && !is_key &&
                (node::IsPatternPart(parent) ||
                 ts_node_eq(parent, pattern));
        at = parent;
      }
      if (binds) found = true;
    }
  });
  return found;
}

// A `variable_declarator` for `name` directly inside `declaration`.
TSNode DeclaratorIn(TSNode declaration, std::string_view name,
                    std::string_view source) {
  for (TSNode d : node::NamedChildren(declaration)) {
    if (node::Is(d, "variable_declarator") &&
        PatternBinds(node::Field(d, "name"), name, source)) {
      return d;
    }
  }
  return TSNode{};
}

bool IsDeclaration(TSNode n) {
  return node::Is(n, "lexical_declaration") ||
         node::Is(n, "variable_declaration");
}

bool IsVarLoopHead(TSNode n) {
  if (!node::Is(n, "for_in_statement")) return false;
  TSNode kind = node::Field(n, "kind");
  return !ts_node_is_null(kind) && node::Is(kind, "var");
}

// What was asked (`kind`), at which node, for which name.
std::string MemoKey(char kind, TSNode at, std::string_view name) {
  std::string key(1, kind);
  key.append(reinterpret_cast<const char*>(&at.id), sizeof at.id);
  key.append(name);
  return key;
}

// A block's statements: the index's copy, or read now into `storage`.
const std::vector<TSNode>& StatementsOf(TSNode block,
                                        std::vector<TSNode>& storage) {
  if (const ScopeIndex* index = IndexFor(block)) {
    return index->NamedChildrenOf(block);
  }
  storage = node::NamedChildren(block);
  return storage;
}

namespace {

bool NoFunctionBetween(TSNode inner, TSNode outer) {
  for (TSNode p : node::Ancestors(inner)) {
    if (ts_node_eq(p, outer)) return true;
    if (node::IsFunction(p)) return false;
  }
  return false;
}

// A `var` declarator for `name` under `block`, not inside a nested function.
TSNode HoistedVar(TSNode block, std::string_view name,
                  std::string_view source) {
  if (const ScopeIndex* index = IndexFor(block)) {
    ByteRange range = node::Range(block);
    if (!index->HasVarKeywordIn(range)) return TSNode{};
    for (TSNode d : index->Get(name).vars) {
      if (range.Contains(node::Range(d)) && NoFunctionBetween(d, block) &&
          PatternBinds(node::Field(d, IsVarLoopHead(d) ? "left" : "name"), name,
                       source)) {
        return d;
      }
    }
    return TSNode{};
  }
  TSNode found{};
  ForEachDescendant(block, false, [&](TSNode n) {
    if (!ts_node_is_null(found)) return;
    if (node::Is(n, "variable_declaration")) {
      found = DeclaratorIn(n, name, source);
    } else if (IsVarLoopHead(n) &&
               PatternBinds(node::Field(n, "left"), name, source)) {
      found = n;
    }
  });
  return found;
}

// The declarator of `name` that the statement `child` makes, or null.
TSNode DeclaredBy(TSNode child, std::string_view name,
                  std::string_view source) {
  if (IsDeclaration(child)) {
    TSNode d = DeclaratorIn(child, name, source);
    if (!ts_node_is_null(d)) return d;
  }
  if ((node::Is(child, "function_declaration") ||
       node::Is(child, "class_declaration")) &&
      IsNamed(node::Field(child, "name"), name, source)) {
    return child;
  }
  if (node::Is(child, "export_statement")) {
    TSNode decl = node::Field(child, "declaration");
    if ((node::Is(decl, "function_declaration") ||
         node::Is(decl, "class_declaration")) &&
        IsNamed(node::Field(decl, "name"), name, source)) {
      return decl;
    }
    if (IsDeclaration(decl)) return DeclaratorIn(decl, name, source);
  }
  return TSNode{};
}

using Statements = std::vector<TSNode>::const_iterator;

// The first statement from `from` on that ends after `at`. Galloping: the
// statement holding the next word is most often the next one or close to
// it (a name in every statement), and otherwise far (a name in a few).
Statements FirstEndingAfter(Statements from, Statements end, uint32_t at) {
  auto past = [at](TSNode statement) {
    return ts_node_end_byte(statement) <= at;
  };
  Statements low = from;  // every statement before `low` is past
  for (ptrdiff_t step = 1; low != end && past(*low); step *= 2) {
    CountSteps(1);
    Statements high = low + std::min(step, end - low);
    if (high == end || !past(*high))
      return std::partition_point(low, high, past);
    low = high;
  }
  return low;
}

// The first of `statements` (in order, none inside another) in which `name`
// stands as a word, from `words` (the name's occurrences, in order): a
// statement where it is not written cannot declare it. Found by searching,
// not by going through the statements: a program of thousands of them is
// asked about every name a payload uses (issue 14).
// A declaration `other_than` is passed over.
TSNode DeclaredByStatementWithWord(const std::vector<TSNode>& statements,
                                   const std::vector<uint32_t>& words,
                                   ByteRange block, std::string_view name,
                                   std::string_view source,
                                   TSNode other_than = {}) {
  auto next = statements.begin();
  for (auto w = std::lower_bound(words.begin(), words.end(), block.begin);
       w != words.end() && *w < block.end; ++w) {
    next = FirstEndingAfter(next, statements.end(), *w);
    CountSteps(1);
    if (next == statements.end()) break;
    if (ts_node_start_byte(*next) > *w) continue;  // between statements
    TSNode d = DeclaredBy(*next, name, source);
    if (!ts_node_is_null(d) && !ts_node_eq(d, other_than)) return d;
    ++next;
  }
  return TSNode{};
}

// Declarations visible in `block`: its own statements (any kind), plus `var`
// declarations nested in its sub-blocks, which are hoisted. With the
// file's index, only the statements where `name` is written as a word are
// read (issue 14: this scan was a quarter of finding the sites of a dense
// tree).
TSNode FindDeclaratorUncached(TSNode block, std::string_view name,
                              std::string_view source) {
  std::vector<TSNode> storage;
  const std::vector<TSNode>& statements = StatementsOf(block, storage);
  if (const ScopeIndex* index = IndexFor(block)) {
    TSNode d = DeclaredByStatementWithWord(statements, index->Words(name),
                                           node::Range(block), name, source);
    if (!ts_node_is_null(d)) return d;
  } else {
    for (TSNode child : statements) {
      TSNode d = DeclaredBy(child, name, source);
      if (!ts_node_is_null(d)) return d;
    }
  }
  return HoistedVar(block, name, source);
}

}  // namespace

// A pure function of (block, name), so answered once per file and pair.
TSNode FindDeclarator(TSNode block, std::string_view name,
                      std::string_view source) {
  const ScopeIndex* index = IndexFor(block);
  if (!index) return FindDeclaratorUncached(block, name, source);
  return Remembered(index->declarations, MemoKey('d', block, name), [&] {
    return FindDeclaratorUncached(block, name, source);
  });
}

bool FunctionDeclaredAgain(TSNode function, TSNode block,
                           std::string_view name, std::string_view source) {
  std::vector<TSNode> storage;
  const std::vector<TSNode>& statements = StatementsOf(block, storage);
  TSNode other{};
  if (const ScopeIndex* index = IndexFor(block)) {
    other = DeclaredByStatementWithWord(statements, index->Words(name),
                                        node::Range(block), name, source,
                                        function);
  } else {
    for (TSNode child : statements) {
      TSNode d = DeclaredBy(child, name, source);
      if (!ts_node_is_null(d) && !ts_node_eq(d, function)) {
        other = d;
        break;
      }
    }
  }
  return !ts_node_is_null(other) ||
         !ts_node_is_null(HoistedVar(block, name, source));
}

bool VarDeclaredAgain(TSNode declarator, std::string_view name,
                      std::string_view source) {
  if (!node::Is(node::Parent(declarator), "variable_declaration")) return false;
  TSNode scope = node::Parent(declarator);
  while (!ts_node_is_null(scope) && !node::IsFunction(scope) &&
         !node::Is(scope, "program"))
    scope = node::Parent(scope);
  if (ts_node_is_null(scope)) return false;
  int found = 0;
  auto count = [&](TSNode d) {
    bool head = IsVarLoopHead(d);
    if (NoFunctionBetween(d, scope) &&
        PatternBinds(node::Field(d, head ? "left" : "name"), name, source))
      ++found;
  };
  if (const ScopeIndex* index = IndexFor(scope)) {
    ByteRange range = node::Range(scope);
    for (TSNode d : index->Get(name).vars)
      if (range.Contains(node::Range(d))) count(d);
    return found > 1;
  }
  ForEachDescendant(scope, false, [&](TSNode n) {
    if (node::Is(n, "variable_declaration")) {
      for (TSNode d : node::NamedChildren(n))
        if (node::Is(d, "variable_declarator")) count(d);
    } else if (IsVarLoopHead(n)) {
      count(n);
    }
  });
  return found > 1;
}

}  // namespace psm::scope_detail
