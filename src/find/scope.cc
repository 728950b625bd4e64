#include "find/scope.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/byte_range.h"
#include "common/step_counter.h"
#include "find/scope_declarations.h"
#include "find/scope_index.h"
#include "syntax/node.h"

namespace psm {
namespace {

using scope_detail::DeclaratorIn;
using scope_detail::FindDeclarator;
using scope_detail::FunctionDeclaredAgain;
using scope_detail::IndexFor;
using scope_detail::IsDeclaration;
using scope_detail::IsNamed;
using scope_detail::MemoKey;
using scope_detail::PatternBinds;
using scope_detail::Remembered;
using scope_detail::ScopeIndex;
using scope_detail::StatementsOf;
using scope_detail::VarDeclaredAgain;

// An identifier among a function's parameters (plain, defaulted, typed).
TSNode FindParameter(TSNode function, std::string_view name,
                     std::string_view source) {
  TSNode single = node::Field(function, "parameter");
  if (IsNamed(single, name, source)) return single;
  TSNode params = node::Field(function, "parameters");
  if (ts_node_is_null(params)) return TSNode{};
  for (TSNode param : node::NamedChildren(params)) {
    // TypeScript wraps each parameter: required_parameter(pattern: ...).
    TSNode pattern = node::Field(param, "pattern");
    if (ts_node_is_null(pattern)) pattern = param;
    if (node::Is(pattern, "assignment_pattern"))
      pattern = node::Field(pattern, "left");
    if (node::Is(pattern, "rest_pattern"))
      pattern = ts_node_named_child(pattern, 0);
    if (PatternBinds(pattern, name, source)) return param;
  }
  return TSNode{};
}

// Bindings made by a loop head or a catch clause around the use.
TSNode LoopOrCatchBinding(TSNode scope, std::string_view name,
                          std::string_view source) {
  if (node::Is(scope, "for_in_statement")) {
    TSNode left = node::Field(scope, "left");
    if (PatternBinds(left, name, source)) return left;
  } else if (node::Is(scope, "for_statement")) {
    TSNode init = node::Field(scope, "initializer");
    if (IsDeclaration(init) &&
        !ts_node_is_null(DeclaratorIn(init, name, source)))
      return init;
  } else if (node::Is(scope, "catch_clause")) {
    TSNode param = node::Field(scope, "parameter");
    if (PatternBinds(param, name, source)) return param;
  }
  return TSNode{};
}

TSNode FindImportUncached(TSNode program, std::string_view name,
                          std::string_view source) {
  std::vector<TSNode> storage;
  for (TSNode child : StatementsOf(program, storage)) {
    if (!node::Is(child, "import_statement")) continue;
    TSNode found{};
    ForEachDescendant(child, false, [&](TSNode n) {
      if (ts_node_is_null(found) && IsNamed(n, name, source)) found = child;
    });
    if (!ts_node_is_null(found)) return found;
  }
  return TSNode{};
}

TSNode FindImport(TSNode program, std::string_view name,
                  std::string_view source) {
  const ScopeIndex* index = IndexFor(program);
  if (!index) return FindImportUncached(program, name, source);
  return Remembered(index->declarations, MemoKey('i', program, name),
                    [&] { return FindImportUncached(program, name, source); });
}

Binding Resolve(std::string_view name, TSNode use, std::string_view source,
                bool assignments);

// `name = value` assignments in the binding's scope that resolve to this
// very binding (not to a shadowing local or parameter of the same name).
void CollectAssignments(Binding* binding, std::string_view name,
                        std::string_view source) {
  auto consider = [&](TSNode n) {
    TSNode left = node::Unwrap(node::Field(n, "left"));
    if (!IsNamed(left, name, source)) return;
    Binding target = Resolve(name, left, source, false);
    if (target.kind == binding->kind &&
        ts_node_eq(target.declarator, binding->declarator)) {
      binding->assignments.push_back(n);
    }
  };
  if (const ScopeIndex* index = IndexFor(binding->scope)) {
    ByteRange range = node::Range(binding->scope);
    for (TSNode n : index->Get(name).assignments) {
      if (range.Contains(node::Range(n))) consider(n);
    }
    return;
  }
  ForEachDescendant(binding->scope, true, [&](TSNode n) {
    if (node::Is(n, "assignment_expression")) consider(n);
  });
}

bool IsBlockScope(TSNode n) {
  return node::Is(n, "statement_block") || node::Is(n, "program") ||
         node::Is(n, "class_body") || node::Is(n, "switch_body");
}

}  // namespace

std::vector<TSNode> IdentifierUses(std::string_view name, TSNode scope,
                                   std::string_view source) {
  std::vector<TSNode> uses;
  // No scope: a name this file does not bind (a global, the name of a
  // function expression seen from outside it) has no uses to list here.
  if (ts_node_is_null(scope)) return uses;
  ByteRange range = node::Range(scope);
  if (const ScopeIndex* index = IndexFor(scope)) {
    // In source order, and no identifier holds another: those inside the
    // scope are one run, found by a search rather than a scan of every
    // occurrence in the file (a short name in a bundle has thousands).
    const std::vector<TSNode>& all = index->Get(name).identifiers;
    auto it = std::lower_bound(
        all.begin(), all.end(), range.begin,
        [](TSNode n, uint32_t at) { return ts_node_start_byte(n) < at; });
    for (; it != all.end() && ts_node_start_byte(*it) < range.end; ++it) {
      CountSteps(1);
      if (range.Contains(node::Range(*it))) uses.push_back(*it);
    }
    return uses;
  }
  ForEachDescendant(scope, true, [&](TSNode n) {
    if (IsNamed(n, name, source) ||
        (node::Is(n, "shorthand_property_identifier") &&
         node::Text(n, source) == name)) {
      uses.push_back(n);
    }
  });
  return uses;
}

std::vector<TSNode> UsesOf(const Binding& binding, std::string_view name,
                           std::string_view source) {
  std::vector<TSNode> uses;
  for (TSNode use : IdentifierUses(name, binding.scope, source)) {
    Binding seen = Resolve(name, use, source, false);
    if (seen.kind == binding.kind &&
        ts_node_eq(seen.declarator, binding.declarator)) {
      uses.push_back(use);
    }
  }
  return uses;
}

Binding ResolveName(std::string_view name, TSNode use,
                    std::string_view source) {
  if (name.empty()) return Binding();  // a MISSING node from error recovery
  // Finding a call asks for its receiver twice in a row (is it
  // DigitalRiver.js, is it made in another module): the second answer is
  // the first, while the same indexed tree is alive. Each climb from the
  // use costs a descent from the root (issue 14).
  struct Last {
    uint64_t tree = 0;
    TSNode use{};
    std::string name;
    Binding binding;
  };
  thread_local Last last;
  uint64_t tree = IndexedTreeId(use);
  if (tree != 0 && tree == last.tree && ts_node_eq(use, last.use) &&
      name == last.name) {
    return last.binding;
  }
  Binding binding = Resolve(name, use, source, true);
  if (tree != 0) last = {tree, use, std::string(name), binding};
  return binding;
}

namespace {

bool MakesScope(TSNode n) {
  return node::Is(n, "for_in_statement") || node::Is(n, "for_statement") ||
         node::Is(n, "catch_clause") || node::IsFunction(n) || IsBlockScope(n);
}

Binding ResolveFrom(std::string_view name, const std::vector<TSNode>& chain,
                    size_t first, std::string_view source, bool assignments);

// The climb below looks only at scope-making ancestors, so its answer for
// a name depends only on the nearest one: uses under the same function or
// block share it, and it is worked out once per file.
Binding Resolve(std::string_view name, TSNode use, std::string_view source,
                bool assignments) {
  std::vector<TSNode> chain = node::Ancestors(use);
  size_t first = 0;
  while (first < chain.size() && !MakesScope(chain[first])) ++first;
  const ScopeIndex* index = IndexFor(use);
  if (!index || first == chain.size()) {
    return ResolveFrom(name, chain, first, source, assignments);
  }
  return Remembered(
      index->bindings, MemoKey(assignments ? 'a' : 'n', chain[first], name),
      [&] { return ResolveFrom(name, chain, first, source, assignments); });
}

Binding ResolveFrom(std::string_view name, const std::vector<TSNode>& chain,
                    size_t first, std::string_view source, bool assignments) {
  Binding binding;
  for (size_t i = first; i < chain.size(); ++i) {
    TSNode scope = chain[i];
    TSNode other = LoopOrCatchBinding(scope, name, source);
    if (!ts_node_is_null(other)) {
      binding.kind = Binding::Kind::kOther;
      binding.declarator = other;
      binding.scope = scope;
      return binding;
    }
    if (node::IsFunction(scope)) {
      TSNode param = FindParameter(scope, name, source);
      if (!ts_node_is_null(param)) {
        binding.kind = Binding::Kind::kParameter;
        binding.declarator = param;
        binding.scope = scope;
        return binding;
      }
      continue;
    }
    if (!IsBlockScope(scope)) continue;
    TSNode declarator = FindDeclarator(scope, name, source);
    if (node::Is(declarator, "class_declaration")) {
      binding.kind = Binding::Kind::kClass;
      binding.declarator = declarator;
      binding.scope = scope;
      return binding;
    }
    if (node::Is(declarator, "function_declaration")) {
      binding.kind = FunctionDeclaredAgain(declarator, scope, name, source)
                         ? Binding::Kind::kOther
                         : Binding::Kind::kFunction;
      binding.declarator = declarator;
      binding.scope = scope;
      // `function send() {} send = other;`: the name holds what it was
      // given last.
      if (assignments) CollectAssignments(&binding, name, source);
      return binding;
    }
    if (!ts_node_is_null(declarator)) {
      bool plain = IsNamed(node::Field(declarator, "name"), name, source) &&
                   !VarDeclaredAgain(declarator, name, source);
      binding.kind = plain ? Binding::Kind::kVariable : Binding::Kind::kOther;
      binding.declarator = declarator;
      binding.scope = scope;
      TSNode declaration = node::Parent(declarator);
      // A `var` in a nested block belongs to its function (or the
      // program): reads after the block are its reads too.
      if (node::Is(declaration, "variable_declaration")) {
        for (size_t j = i; j < chain.size(); ++j) {
          if (node::IsFunction(chain[j]) || node::Is(chain[j], "program")) {
            binding.scope = node::IsFunction(chain[j])
                                ? node::Field(chain[j], "body")
                                : chain[j];
            break;
          }
        }
      }
      binding.is_const = node::Is(declaration, "lexical_declaration") &&
                         node::Text(declaration, source).starts_with("const");
      if (plain && assignments) CollectAssignments(&binding, name, source);
      return binding;
    }
    if (node::Is(scope, "program")) {
      TSNode import = FindImport(scope, name, source);
      if (!ts_node_is_null(import)) {
        binding.kind = Binding::Kind::kImported;
        binding.declarator = import;
        binding.scope = scope;
        return binding;
      }
    }
  }
  return binding;
}

}  // namespace

TSNode FunctionBoundTo(const Binding& binding) {
  if (binding.kind == Binding::Kind::kFunction)
    return binding.assignments.empty() ? binding.declarator : TSNode{};
  if (binding.kind != Binding::Kind::kVariable ||
      (!binding.is_const && !binding.assignments.empty()))
    return TSNode{};
  TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
  return node::IsFunction(value) ? value : TSNode{};
}

}  // namespace psm
