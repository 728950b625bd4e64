#include "find/scope.h"

#include "syntax/node.h"

namespace psm {
namespace {

bool IsNamed(TSNode n, std::string_view name, std::string_view source) {
  return node::Is(n, "identifier") && node::Text(n, source) == name;
}

// A `variable_declarator` for `name` directly inside `declaration`.
TSNode DeclaratorIn(TSNode declaration, std::string_view name,
                    std::string_view source) {
  uint32_t count = ts_node_named_child_count(declaration);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode d = ts_node_named_child(declaration, i);
    if (node::Is(d, "variable_declarator") &&
        IsNamed(node::Field(d, "name"), name, source)) {
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
  TSNode found{};
  ForEachDescendant(params, false, [&](TSNode n) {
    if (ts_node_is_null(found) && IsNamed(n, name, source)) found = n;
  });
  return found;
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

void CollectAssignments(Binding* binding, std::string_view name,
                        std::string_view source) {
  ForEachDescendant(binding->scope, true, [&](TSNode n) {
    if (node::Is(n, "assignment_expression") &&
        IsNamed(node::Unwrap(node::Field(n, "left")), name, source)) {
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
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    if (node::IsFunction(p) || node::Is(p, "program")) return p;
  }
  return n;
}

Binding ResolveName(std::string_view name, TSNode use,
                    std::string_view source) {
  Binding binding;
  for (TSNode scope = ts_node_parent(use); !ts_node_is_null(scope);
       scope = ts_node_parent(scope)) {
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
      binding.kind = Binding::Kind::kVariable;
      binding.declarator = declarator;
      binding.scope = scope;
      TSNode declaration = ts_node_parent(declarator);
      binding.is_const = node::Is(declaration, "lexical_declaration") &&
                         node::Text(declaration, source).starts_with("const");
      CollectAssignments(&binding, name, source);
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

}  // namespace psm
