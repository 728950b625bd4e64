#include "find/method_calls.h"

#include <algorithm>
#include <array>
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

bool IsLastOfSequence(TSNode sequence, TSNode n) {
  if (!node::Is(sequence, "sequence_expression")) return false;
  uint32_t count = ts_node_named_child_count(sequence);
  return count > 0 && ts_node_eq(ts_node_named_child(sequence, count - 1), n);
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

// Test code looks at the method without calling it:
// `expect(dr.createSource).toHaveBeenCalledWith(...)`, `assert(...)`,
// `sinon.assert.calledOnce(...)`, `jest.mocked(...)`.
bool IsInspection(TSNode callee, std::string_view source) {
  std::string_view text = node::Text(node::Unwrap(callee), source);
  std::string_view root = text.substr(0, text.find_first_of(".(["));
  static constexpr std::array<std::string_view, 7> kInspectors = {
      "expect", "assert", "chai", "sinon", "jest", "vi", "td"};
  return std::find(kInspectors.begin(), kInspectors.end(), root) !=
             kInspectors.end() ||
         root.starts_with("assert");
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
    // `(0, dr.createSource)(p)`: a sequence's value is its last expression.
    while (i < up.size() &&
           (IsTransparent(up[i]) || IsLastOfSequence(up[i], top)))
      top = up[i++];
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
    if (node::Is(parent, "assignment_expression") &&
        ts_node_eq(node::Field(parent, "right"), top)) {
      return FromAssignment(node::Field(parent, "left"), depth);
    }
    if (node::Is(parent, "arguments") &&
        IsReflectApplyOf(grandparent, top, source_)) {
      return Add(grandparent, Passing::kArray, 2, ref);
    }
    if (TSNode taker = Taker(parent, grandparent, top); !ts_node_is_null(taker))
      HandOn(taker, ref);
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
    FromUsesOf(alias, own, name, depth);
  }

  std::vector<MethodCall> calls;

  // The uses of `alias` bound as `own`, besides `name` where it is bound.
  void FromUsesOf(std::string_view alias, const Binding& own, TSNode name,
                  int depth) {
    TSNode scope = own.kind == Binding::Kind::kNotFound
                       ? ts_tree_root_node(name.tree)  // an undeclared global
                       : own.scope;
    for (TSNode use : IdentifierUses(alias, scope, source_)) {
      if (ts_node_eq(use, name) ||
          !ts_node_eq(ResolveName(alias, use, source_).declarator,
                      own.declarator)) {
        continue;
      }
      std::vector<TSNode> up = node::Ancestors(use);
      FromReference(use, up, depth + 1);
    }
  }

 private:
  // `cs = dr.createSource` (a variable) or `this.cs = ...`, `api.cs = ...`
  // (a property: its calls are found by the same text, inside the class
  // for `this`).
  void FromAssignment(TSNode left, int depth) {
    if (depth >= kMaxAliasDepth) return;
    if (node::Is(left, "identifier")) {
      std::string_view alias = node::Text(left, source_);
      return FromUsesOf(alias, ResolveName(alias, left, source_), left, depth);
    }
    if (!node::Is(left, "member_expression")) return;
    std::string_view text = node::Text(left, source_);
    TSNode scope = ts_tree_root_node(left.tree);
    if (node::Is(node::Field(left, "object"), "this")) {
      TSNode klass = node::EnclosingOfType(left, "class_body");
      if (!ts_node_is_null(klass)) scope = klass;
    }
    ForEachDescendant(scope, true, [&](TSNode n) {
      if (node::Is(n, "member_expression") && !ts_node_eq(n, left) &&
          node::Text(n, source_) == text) {
        std::vector<TSNode> up = node::Ancestors(n);
        FromReference(n, up, depth + 1);
      }
    });
  }

  // What takes the method from `top` when it is handed on out of sight: the
  // call it is an argument of, the object or array holding it, the return.
  TSNode Taker(TSNode parent, TSNode grandparent, TSNode top) const {
    std::string_view type = node::Type(parent);
    if (type == "arguments") {
      return IsInspection(node::Field(grandparent, "function"), source_)
                 ? TSNode{}
                 : grandparent;
    }
    if (type == "pair" && ts_node_eq(node::Field(parent, "value"), top))
      return grandparent;
    if (type == "array" || type == "return_statement") return parent;
    if (type == "arrow_function" &&
        ts_node_eq(node::Field(parent, "body"), top)) {
      return parent;
    }
    return TSNode{};
  }

  void HandOn(TSNode taker, TSNode ref) {
    calls.push_back({taker, Passing::kDirect, 0, receiver_, ref, {}, true});
  }

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
    } else if (how == "bind" && depth < kMaxAliasDepth) {
      std::vector<TSNode> args = node::Arguments(up[0]);
      size_t outer = bound_.size();
      if (args.size() > 1)
        bound_.insert(bound_.end(), args.begin() + 1, args.end());
      FromReference(up[0], up.subspan(1), depth + 1);
      bound_.resize(outer);
    }
  }

  void Add(TSNode call, Passing passing, size_t array_at, TSNode callee) {
    calls.push_back({call, passing, array_at, receiver_, callee, bound_});
  }

  std::string_view source_;
  TSNode receiver_;
  std::vector<TSNode> bound_;  // of the `.bind` calls being followed
};

// `up` starts at the parameter list, maybe after a default (`{...} = dr`)
// or TypeScript's parameter node.
bool IsParameter(std::span<const TSNode> up) {
  size_t i = 0;
  while (i < up.size() && (node::Is(up[i], "assignment_pattern") ||
                           node::Is(up[i], "required_parameter") ||
                           node::Is(up[i], "optional_parameter"))) {
    ++i;
  }
  return i < up.size() && node::Is(up[i], "formal_parameters");
}

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
  if (i < up.size() && node::Is(up[i], "object_pattern") &&
      IsParameter(up.subspan(i + 1))) {
    // `function pay({ createSource })`: whoever calls `pay` gives the object.
    if (node::Is(local, "assignment_pattern")) {
      local = node::Field(local, "left");
    }
    CallCollector collector(source, up[i]);
    std::string_view alias = node::Text(local, source);
    collector.FromUsesOf(alias, ResolveName(alias, local, source), local, 0);
    return std::move(collector.calls);
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

// The calls `x[name](...)` where `name` is the constant `id` (declared by
// `declarator`) holding the method's name.
std::vector<MethodCall> ThroughNameConstant(TSNode id, TSNode declarator,
                                            std::string_view source) {
  std::vector<MethodCall> calls;
  if (!node::Is(id, "identifier")) return calls;
  std::string_view name = node::Text(id, source);
  Binding own = ResolveName(name, id, source);
  if (!own.is_const || !ts_node_eq(own.declarator, declarator)) return calls;
  for (TSNode use : IdentifierUses(name, own.scope, source)) {
    TSNode access = node::Parent(use);
    if (!node::Is(access, "subscript_expression") ||
        !ts_node_eq(node::Field(access, "index"), use) ||
        !ts_node_eq(ResolveName(name, use, source).declarator, declarator))
      continue;
    CallCollector collector(source, node::Field(access, "object"));
    std::vector<TSNode> up = node::Ancestors(access);
    collector.FromReference(access, up, 0);
    for (MethodCall& c : collector.calls) calls.push_back(std::move(c));
  }
  return calls;
}

// When `call` hands the method's name (`name`, an argument) to a function
// of the file that calls `x[parameter](...)` with it: the call, as one
// handing the method on (the dispatcher's data is what it passes; which of
// its callers pass which method the tool does not sort out).
std::vector<MethodCall> ThroughDispatcher(TSNode call, TSNode name,
                                          std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(call, "call_expression") || !node::Is(callee, "identifier"))
    return {};
  Binding b = ResolveName(node::Text(callee, source), callee, source);
  TSNode function = b.kind == Binding::Kind::kFunction
                        ? b.declarator
                        : node::Unwrap(node::Field(b.declarator, "value"));
  if (!node::IsFunction(function)) return {};
  size_t index = 0;
  for (TSNode a : node::NamedChildren(node::Field(call, "arguments"))) {
    if (ts_node_eq(a, name)) break;
    ++index;
  }
  std::vector<TSNode> parameters =
      node::NamedChildren(node::Field(function, "parameters"));
  if (index >= parameters.size()) return {};
  TSNode parameter = parameters[index];
  if (node::Is(parameter, "required_parameter"))
    parameter = node::Field(parameter, "pattern");
  if (!node::Is(parameter, "identifier")) return {};
  std::string_view held = node::Text(parameter, source);
  for (TSNode use : IdentifierUses(held, function, source)) {
    TSNode access = node::Parent(use);
    if (node::Is(access, "subscript_expression") &&
        ts_node_eq(node::Field(access, "index"), use) &&
        IsCallOf(node::Parent(access), access))
      return {{call, Passing::kDirect, 0, node::Field(access, "object"), name,
               {}, true}};
  }
  return {};
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
    // `const M = 'createSource'; dr[M](p)`: the name held by a constant.
    if (node::Is(parent, "variable_declarator") &&
        ts_node_eq(node::Field(parent, "value"), key))
      return ThroughNameConstant(node::Field(parent, "name"), parent, source);
    // `drCall('createSource', p)` of `function drCall(m, d) { return
    // drjs[m](d); }`: a dispatcher of the file.
    if (node::Is(parent, "arguments") && up.size() > 1)
      return ThroughDispatcher(up[1], key, source);
  }
  if (node::Is(parent, "pair_pattern") &&
      ts_node_eq(node::Field(parent, "key"), key)) {
    return FromDestructuring(node::Field(parent, "value"), up, source);
  }
  return {};
}

}  // namespace psm
