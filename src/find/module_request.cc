#include "find/module_request.h"

#include <vector>

#include "find/object_builder.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The text of a plain string literal, or nullopt.
std::optional<std::string> StringValue(TSNode n, std::string_view source) {
  std::string value;
  if (!node::StringLiteralValue(node::Unwrap(n), source, &value))
    return std::nullopt;
  return value;
}

// The position of the parameter `declarator` of `function` (a lone arrow
// parameter `m => ...` is the first), or -1.
int ParameterPosition(TSNode function, TSNode declarator) {
  TSNode lone = node::Field(function, "parameter");
  if (!ts_node_is_null(lone)) return ts_node_eq(lone, declarator) ? 0 : -1;
  int index = 0;
  for (TSNode p : node::NamedChildren(node::Field(function, "parameters"))) {
    if (node::IsComment(p)) continue;
    if (ts_node_eq(p, declarator) ||
        node::Range(p).Contains(node::Range(declarator))) {
      return index;
    }
    ++index;
  }
  return -1;
}

// `require('./x')` or `import('./x')`, maybe awaited or wrapped: its
// specifier.
std::optional<std::string> RequiredSpecifier(TSNode value,
                                             std::string_view source) {
  TSNode call = ModuleLoadCall(value, source);
  if (ts_node_is_null(call)) return std::nullopt;
  std::vector<TSNode> args = node::Arguments(call);
  if (args.size() != 1) return std::nullopt;
  return StringValue(args[0], source);
}

// The export of `specifier` that the object pattern `pattern` binds to
// `name` (`{a: name}` or `{name}`), or nullopt.
std::optional<ModuleRef> KeyBoundIn(TSNode pattern,
                                    const std::string& specifier,
                                    std::string_view name,
                                    std::string_view source) {
  if (!node::Is(pattern, "object_pattern")) return std::nullopt;
  for (TSNode p : node::NamedChildren(pattern)) {
    if (node::Is(p, "shorthand_property_identifier_pattern") &&
        node::Text(p, source) == name) {
      return ModuleRef{specifier, std::string(name)};
    }
    if (node::Is(p, "pair_pattern") &&
        node::Text(node::Field(p, "value"), source) == name) {
      TSNode key = node::Field(p, "key");
      std::string exported(node::Text(key, source));
      if (auto quoted = StringValue(key, source)) exported = *quoted;
      return ModuleRef{specifier, exported};
    }
  }
  return std::nullopt;
}

// `import('./x').then((m) => ...)`: `m` is the module's namespace
// (and `({ build }) => ...` binds its export `build`).
std::optional<ModuleRef> FromImportThen(const Binding& binding,
                                        std::string_view name,
                                        std::string_view source) {
  TSNode function = binding.scope;
  if (!node::IsFunction(function) ||
      ParameterPosition(function, binding.declarator) != 0) {
    return std::nullopt;
  }
  TSNode args = node::Parent(function);
  TSNode then = node::Parent(args);
  if (!node::Is(args, "arguments") || !node::Is(then, "call_expression"))
    return std::nullopt;
  std::vector<TSNode> list = node::Arguments(then);
  TSNode callee = node::Unwrap(node::Field(then, "function"));
  if (list.empty() || !ts_node_eq(node::Unwrap(list[0]), function) ||
      !node::Is(callee, "member_expression") ||
      node::Text(node::Field(callee, "property"), source) != "then") {
    return std::nullopt;
  }
  TSNode load = node::Unwrap(node::Field(callee, "object"));
  if (!node::Is(load, "call_expression") ||
      !node::Is(node::Field(load, "function"), "import")) {
    return std::nullopt;
  }
  std::optional<std::string> specifier = RequiredSpecifier(load, source);
  if (!specifier) return std::nullopt;
  TSNode param = binding.declarator;
  TSNode pattern = node::Field(param, "pattern");  // TypeScript's wrapper
  if (!ts_node_is_null(pattern)) param = pattern;
  if (node::Is(param, "identifier")) return ModuleRef{*specifier, "*"};
  return KeyBoundIn(param, *specifier, name, source);
}

std::optional<ModuleRef> FromImportStatement(TSNode statement,
                                             std::string_view name,
                                             std::string_view source) {
  std::optional<std::string> specifier =
      StringValue(node::Field(statement, "source"), source);
  if (!specifier) return std::nullopt;
  std::optional<ModuleRef> found;
  ForEachDescendant(statement, false, [&](TSNode n) {
    if (found) return;
    std::string_view type = node::Type(n);
    TSNode parent = node::Parent(n);
    if (type == "identifier" && node::Text(n, source) == name) {
      if (node::Is(parent, "import_clause")) {
        found = ModuleRef{*specifier, "default"};
      } else if (node::Is(parent, "namespace_import")) {
        found = ModuleRef{*specifier, "*"};
      } else if (node::Is(parent, "import_specifier")) {
        TSNode alias = node::Field(parent, "alias");
        bool bound = ts_node_is_null(alias) ? true : ts_node_eq(alias, n);
        if (bound) {
          TSNode original = node::Field(parent, "name");
          std::string exported(node::Text(original, source));
          if (auto quoted = StringValue(original, source)) exported = *quoted;
          found = ModuleRef{*specifier, exported};
        }
      }
    }
  });
  return found;
}

// `const {a: x, b} = require('./m')`: the key `name` is bound under.
std::optional<ModuleRef> FromDestructuredRequire(TSNode declarator,
                                                 std::string_view name,
                                                 std::string_view source) {
  std::optional<std::string> specifier =
      RequiredSpecifier(node::Field(declarator, "value"), source);
  if (!specifier) return std::nullopt;
  return KeyBoundIn(node::Field(declarator, "name"), *specifier, name, source);
}

// A parameter of the factory in `define([deps], function (a, b) {...})` or
// `require([deps], function (a, b) {...})`: the dependency at its index.
std::optional<ModuleRef> FromAmdFactory(const Binding& binding,
                                        std::string_view source) {
  TSNode dependency = AmdDependency(binding, source);
  if (ts_node_is_null(dependency)) return std::nullopt;
  std::optional<std::string> specifier = StringValue(dependency, source);
  if (!specifier) return std::nullopt;
  return ModuleRef{*specifier, "*"};
}

}  // namespace

TSNode AmdDependency(const Binding& binding, std::string_view source) {
  TSNode function = binding.scope;
  if (binding.kind != Binding::Kind::kParameter || ts_node_is_null(function))
    return TSNode{};
  TSNode args = node::Parent(function);
  TSNode call = node::Parent(args);
  if (!node::Is(args, "arguments") || !node::Is(call, "call_expression"))
    return TSNode{};
  std::string_view callee = node::Text(node::Field(call, "function"), source);
  if (callee != "define" && callee != "require" && callee != "requirejs")
    return TSNode{};
  std::vector<TSNode> list = node::Arguments(call);
  TSNode deps{};
  for (TSNode a : list) {
    if (node::Is(node::Unwrap(a), "array")) deps = node::Unwrap(a);
  }
  if (ts_node_is_null(deps) || list.empty() ||
      !ts_node_eq(node::Unwrap(list.back()), function)) {
    return TSNode{};
  }
  int index = ParameterPosition(function, binding.declarator);
  if (index < 0) return TSNode{};
  std::vector<TSNode> names;
  for (TSNode d : node::NamedChildren(deps)) {
    if (!node::IsComment(d)) names.push_back(d);
  }
  if (index >= static_cast<int>(names.size())) return TSNode{};
  return names[index];
}

TSNode ModuleLoadCall(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  if (!node::Is(value, "call_expression")) return TSNode{};
  TSNode callee = node::Field(value, "function");
  if (node::Is(callee, "import") || node::Text(callee, source) == "require")
    return value;
  return TSNode{};
}

ModuleRequest RequestAt(ModuleRef ref, std::string member,
                        ModuleRequest::Access access, TSNode expr,
                        std::string_view source) {
  ModuleRequest request;
  request.ref = std::move(ref);
  request.member = std::move(member);
  request.access = access;
  request.at = ts_node_start_byte(expr);
  request.what = Quote(node::Text(expr, source)) + " (line " +
                 std::to_string(node::Line(expr)) + ")";
  if (node::Is(expr, "call_expression")) {
    for (TSNode arg : node::Arguments(expr))
      request.arguments.push_back(ArgumentGiven(arg, source));
  }
  return request;
}

GivenType ArgumentGiven(TSNode arg, std::string_view source) {
  GivenType given;
  arg = node::Unwrap(arg);
  given.what = std::string(node::Text(arg, source));
  if (std::string value; node::StringLiteralValue(arg, source, &value))
    given.value = std::move(value);
  return given;
}

std::optional<ModuleRef> ImportedAs(const Binding& binding,
                                    std::string_view name,
                                    std::string_view source) {
  switch (binding.kind) {
    case Binding::Kind::kImported:
      return FromImportStatement(binding.declarator, name, source);
    case Binding::Kind::kVariable:
      if (!binding.assignments.empty()) return std::nullopt;
      if (auto specifier = RequiredSpecifier(
              node::Field(binding.declarator, "value"), source)) {
        return ModuleRef{*specifier, "*"};
      }
      return std::nullopt;
    case Binding::Kind::kOther:
      if (node::Is(binding.declarator, "variable_declarator"))
        return FromDestructuredRequire(binding.declarator, name, source);
      return std::nullopt;
    case Binding::Kind::kParameter:
      if (auto ref = FromImportThen(binding, name, source)) return ref;
      return FromAmdFactory(binding, source);
    default:
      return std::nullopt;
  }
}

}  // namespace psm
