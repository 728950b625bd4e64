#include "find/method_calls.h"

#include <string>

#include "find/scope.h"
#include "find/site_finder.h"
#include "syntax/node.h"

namespace psm {
namespace {

// How far aliases of aliases (`const a = dr.createSource; const b = a;`)
// and bound copies are followed.
constexpr int kMaxAliasDepth = 3;

// Wrappers that hand on the value of their operand unchanged.
bool IsTransparent(TSNode n) {
  std::string_view type = node::Type(n);
  return type == "parenthesized_expression" || type == "non_null_expression" ||
         type == "as_expression" || type == "satisfies_expression" ||
         type == "type_assertion";
}

bool IsCallOf(TSNode call, TSNode function) {
  return node::Is(call, "call_expression") &&
         ts_node_eq(node::Field(call, "function"), function);
}

// `Reflect.apply(fn, thisArg, [args])` with `fn` as its first argument.
bool IsReflectApplyOf(TSNode call, TSNode fn, std::string_view source) {
  if (!node::Is(call, "call_expression") ||
      node::Text(node::Unwrap(node::Field(call, "function")), source) !=
          "Reflect.apply") {
    return false;
  }
  std::vector<TSNode> args = node::Arguments(call);
  return !args.empty() && ts_node_eq(args[0], fn);
}

// `require('./api')` or `import('./api')`: destructuring a module is an
// import by another name, not a method taken off an object.
bool IsModule(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression")) {
    value = node::Unwrap(ts_node_named_child(value, 0));
  }
  TSNode function = node::Field(value, "function");
  return node::Is(value, "call_expression") &&
         (node::Is(function, "import") ||
          node::Text(function, source) == "require");
}

// Collects the calls of one method taken off `receiver`.
class CallCollector {
 public:
  CallCollector(std::string_view source, TSNode receiver)
      : source_(source), receiver_(receiver) {}

  // `ref` evaluates to the method; `up`: its ancestors, parent first.
  void FromReference(TSNode ref, std::span<const TSNode> up, int depth) {
    size_t i = 0;
    TSNode top = ref;
    while (i < up.size() && IsTransparent(up[i])) top = up[i++];
    if (i == up.size()) return;
    TSNode parent = up[i];
    TSNode grandparent = i + 1 < up.size() ? up[i + 1] : TSNode{};
    if (IsCallOf(parent, top)) return Add(parent, Passing::kDirect, 0, ref);
    // tree-sitter-typescript reads `await dr.createSource<T>(p)` as a call
    // whose callee is `await dr.createSource`.
    if (node::Is(parent, "await_expression") && IsCallOf(grandparent, parent)) {
      return Add(grandparent, Passing::kDirect, 0, ref);
    }
    if (node::Is(parent, "member_expression") &&
        ts_node_eq(node::Field(parent, "object"), top)) {
      return FromMethodOfMethod(ref, parent, up.subspan(i + 1), depth);
    }
    if (node::Is(parent, "variable_declarator") &&
        ts_node_eq(node::Field(parent, "value"), top)) {
      return FromAlias(node::Field(parent, "name"), parent, depth);
    }
    if (node::Is(parent, "arguments") &&
        IsReflectApplyOf(grandparent, top, source_)) {
      return Add(grandparent, Passing::kArray, 2, ref);
    }
  }

  // Every use of the variable `name` that `declarator` binds to the method.
  void FromAlias(TSNode name, TSNode declarator, int depth) {
    if (depth >= kMaxAliasDepth ||
        (!node::Is(name, "identifier") &&
         !node::Is(name, "shorthand_property_identifier_pattern"))) {
      return;
    }
    std::string_view alias = node::Text(name, source_);
    Binding own = ResolveName(alias, name, source_);
    if (!ts_node_eq(own.declarator, declarator)) return;
    for (TSNode use : IdentifierUses(alias, own.scope, source_)) {
      if (ts_node_eq(use, name) ||
          !ts_node_eq(ResolveName(alias, use, source_).declarator,
                      declarator)) {
        continue;
      }
      std::vector<TSNode> up = node::Ancestors(use);
      FromReference(use, up, depth + 1);
    }
  }

  std::vector<MethodCall> calls;

 private:
  // `ref.call(...)`, `ref.apply(...)`, `ref.bind(...)`; `up`: the
  // ancestors of `member`, parent first.
  void FromMethodOfMethod(TSNode ref, TSNode member, std::span<const TSNode> up,
                          int depth) {
    if (up.empty() || !IsCallOf(up[0], member)) return;
    std::string_view how = node::Text(node::Field(member, "property"), source_);
    if (how == "call") {
      Add(up[0], Passing::kThisFirst, 0, ref);
    } else if (how == "apply") {
      Add(up[0], Passing::kArray, 1, ref);
    } else if (how == "bind" && node::Arguments(up[0]).size() <= 1 &&
               depth < kMaxAliasDepth) {
      // Arguments bound in advance would shift the payload's position.
      FromReference(up[0], up.subspan(1), depth + 1);
    }
  }

  void Add(TSNode call, Passing passing, size_t array_at, TSNode callee) {
    calls.push_back({call, passing, array_at, receiver_, callee});
  }

  std::string_view source_;
  TSNode receiver_;
};

// The calls through `local`, bound by a destructuring that takes the method
// off an object: `const { createSource: local } = from` (`up`: the
// ancestors of the key, parent first).
std::vector<MethodCall> FromDestructuring(TSNode local,
                                          std::span<const TSNode> up,
                                          std::string_view source) {
  size_t i = 0;
  if (i < up.size() && (node::Is(up[i], "pair_pattern") ||
                        node::Is(up[i], "object_assignment_pattern"))) {
    ++i;
  }
  if (i + 1 >= up.size() || !node::Is(up[i], "object_pattern") ||
      !node::Is(up[i + 1], "variable_declarator") ||
      !ts_node_eq(node::Field(up[i + 1], "name"), up[i])) {
    return {};
  }
  TSNode from = node::Field(up[i + 1], "value");
  if (ts_node_is_null(from) || IsModule(from, source)) return {};
  if (node::Is(local, "assignment_pattern")) {
    local = node::Field(local, "left");
  }
  CallCollector collector(source, from);
  collector.FromAlias(local, up[i + 1], 0);
  return std::move(collector.calls);
}

}  // namespace

std::vector<MethodCall> CallsOfMethod(TSNode name, std::span<const TSNode> up,
                                      std::string_view source) {
  TSNode parent = up.empty() ? TSNode{} : up[0];
  if (node::Is(name, "property_identifier") &&
      node::Is(parent, "member_expression") &&
      ts_node_eq(node::Field(parent, "property"), name)) {
    CallCollector collector(source, node::Field(parent, "object"));
    collector.FromReference(parent, up.subspan(1), 0);
    return std::move(collector.calls);
  }
  if (node::Is(name, "shorthand_property_identifier_pattern")) {
    return FromDestructuring(name, up, source);
  }
  TSNode key = name;
  if (node::Is(name, "string_fragment")) {
    std::string value;
    if (!node::StringLiteralValue(parent, source, &value) ||
        value != kCreateSource) {
      return {};
    }
    key = parent;
    up = up.subspan(1);
    parent = up.empty() ? TSNode{} : up[0];
    if (node::Is(parent, "subscript_expression") &&
        ts_node_eq(node::Field(parent, "index"), key)) {
      CallCollector collector(source, node::Field(parent, "object"));
      collector.FromReference(parent, up.subspan(1), 0);
      return std::move(collector.calls);
    }
  }
  if (node::Is(parent, "pair_pattern") &&
      ts_node_eq(node::Field(parent, "key"), key)) {
    return FromDestructuring(node::Field(parent, "value"), up, source);
  }
  return {};
}

}  // namespace psm
