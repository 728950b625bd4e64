#include "find/scope.h"

#include "syntax/node.h"

namespace psm {
namespace {

bool IsNamed(TSNode n, std::string_view name, std::string_view source) {
  return node::Is(n, "identifier") && node::Text(n, source) == name;
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
      // Skip default values: in `{ a = b }` only `a` is bound.
      TSNode parent = ts_node_parent(n);
      bool is_default = (node::Is(parent, "assignment_pattern") ||
                         node::Is(parent, "object_assignment_pattern")) &&
                        ts_node_eq(node::Field(parent, "right"), n);
      bool is_key = node::Is(parent, "pair_pattern") &&
                    ts_node_eq(node::Field(parent, "key"), n);
      if (!is_default && !is_key) found = true;
    }
  });
  return found;
}

// A `variable_declarator` for `name` directly inside `declaration`.
TSNode DeclaratorIn(TSNode declaration, std::string_view name,
                    std::string_view source) {
  uint32_t count = ts_node_named_child_count(declaration);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode d = ts_node_named_child(declaration, i);
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

// Declarations visible in `block`: its own statements (any kind), plus `var`
// declarations nested in its sub-blocks, which are hoisted.
TSNode FindDeclarator(TSNode block, std::string_view name,
                      std::string_view source) {
  uint32_t count = ts_node_named_child_count(block);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_named_child(block, i);
    if (IsDeclaration(child)) {
      TSNode d = DeclaratorIn(child, name, source);
      if (!ts_node_is_null(d)) return d;
    }
    if (node::Is(child, "function_declaration") &&
        IsNamed(node::Field(child, "name"), name, source)) {
      return child;
    }
    if (node::Is(child, "export_statement")) {
      TSNode decl = node::Field(child, "declaration");
      if (node::Is(decl, "function_declaration") &&
          IsNamed(node::Field(decl, "name"), name, source)) {
        return decl;
      }
      if (IsDeclaration(decl)) {
        TSNode d = DeclaratorIn(decl, name, source);
        if (!ts_node_is_null(d)) return d;
      }
    }
  }
  TSNode found{};
  ForEachDescendant(block, false, [&](TSNode n) {
    if (ts_node_is_null(found) && node::Is(n, "variable_declaration")) {
      found = DeclaratorIn(n, name, source);
    }
  });
  return found;
}

// An identifier among a function's parameters (plain, defaulted, typed).
TSNode FindParameter(TSNode function, std::string_view name,
                     std::string_view source) {
  TSNode single = node::Field(function, "parameter");
  if (IsNamed(single, name, source)) return single;
  TSNode params = node::Field(function, "parameters");
  if (ts_node_is_null(params)) return TSNode{};
  uint32_t count = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode param = ts_node_named_child(params, i);
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

TSNode FindImport(TSNode program, std::string_view name,
                  std::string_view source) {
  uint32_t count = ts_node_named_child_count(program);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_named_child(program, i);
    if (!node::Is(child, "import_statement")) continue;
    TSNode found{};
    ForEachDescendant(child, false, [&](TSNode n) {
      if (ts_node_is_null(found) && IsNamed(n, name, source)) found = child;
    });
    if (!ts_node_is_null(found)) return found;
  }
  return TSNode{};
}

Binding Resolve(std::string_view name, TSNode use, std::string_view source,
                bool assignments);

// `name = value` assignments in the binding's scope that resolve to this
// very binding (not to a shadowing local or parameter of the same name).
void CollectAssignments(Binding* binding, std::string_view name,
                        std::string_view source) {
  ForEachDescendant(binding->scope, true, [&](TSNode n) {
    if (!node::Is(n, "assignment_expression")) return;
    TSNode left = node::Unwrap(node::Field(n, "left"));
    if (!IsNamed(left, name, source)) return;
    Binding target = Resolve(name, left, source, false);
    if (target.kind == binding->kind &&
        ts_node_eq(target.declarator, binding->declarator)) {
      binding->assignments.push_back(n);
    }
  });
}

bool IsBlockScope(TSNode n) {
  return node::Is(n, "statement_block") || node::Is(n, "program") ||
         node::Is(n, "class_body") || node::Is(n, "switch_body");
}

}  // namespace

TSNode EnclosingFunction(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p);
       p = ts_node_parent(p)) {
    if (node::IsFunction(p) || node::Is(p, "program")) return p;
  }
  return n;
}

Binding ResolveName(std::string_view name, TSNode use,
                    std::string_view source) {
  return Resolve(name, use, source, true);
}

namespace {

Binding Resolve(std::string_view name, TSNode use, std::string_view source,
                bool assignments) {
  Binding binding;
  for (TSNode scope = ts_node_parent(use); !ts_node_is_null(scope);
       scope = ts_node_parent(scope)) {
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
    if (node::Is(declarator, "function_declaration")) {
      binding.kind = Binding::Kind::kFunction;
      binding.declarator = declarator;
      binding.scope = scope;
      return binding;
    }
    if (!ts_node_is_null(declarator)) {
      bool plain = IsNamed(node::Field(declarator, "name"), name, source);
      binding.kind = plain ? Binding::Kind::kVariable : Binding::Kind::kOther;
      binding.declarator = declarator;
      binding.scope = scope;
      TSNode declaration = ts_node_parent(declarator);
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

}  // namespace psm
