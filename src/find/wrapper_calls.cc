#include "find/wrapper_calls.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "find/receiver.h"
#include "find/scope.h"
#include "find/tree_memo.h"
#include "syntax/node.h"

namespace psm {

namespace {

// The functions of a class body or object literal by name: its methods
// (`name() {}`) and, in an object, its function values (`name: function
// () {}`; a pair whose value is no function names nothing). The first of a
// name wins. Built once per holder and file: a component of many methods
// each calling `this.getX()` looked through every member at every call
// (1,500 such sites: 8 G instructions, issue 14).
using MembersByName = std::unordered_map<std::string, TSNode>;
std::shared_ptr<const MembersByName> FunctionMembers(TSNode holder,
                                                     std::string_view source) {
  thread_local TreeMemo<std::shared_ptr<const MembersByName>> memo;
  return memo.Get(holder, NodeKey(holder), [&] {
    auto members = std::make_shared<MembersByName>();
    bool object = node::Is(holder, "object");
    for (TSNode m : node::NamedChildren(holder)) {
      if (node::Is(m, "method_definition")) {
        members->emplace(node::Text(node::Field(m, "name"), source), m);
      } else if (object && node::Is(m, "pair")) {
        TSNode value = node::Unwrap(node::Field(m, "value"));
        members->emplace(node::Text(node::Field(m, "key"), source),
                         node::IsFunction(value) ? value : TSNode{});
      }
    }
    return std::shared_ptr<const MembersByName>(std::move(members));
  });
}

// The function a member `name` of the class body or object literal
// `holder` holds; null when none does.
TSNode FunctionMember(TSNode holder, std::string_view name,
                      std::string_view source) {
  std::shared_ptr<const MembersByName> members =
      FunctionMembers(holder, source);
  auto found = members->find(std::string(name));
  return found == members->end() ? TSNode{} : found->second;
}

// `this.name(...)` in a method of an object literal (`var Checkout = {
// pay() { this.build() } }`, a Vue component's `methods`): `this` is that
// object, so the method is its member `name`. Arrow functions keep the
// `this` of the function around them; any other function gives its own.
TSNode MethodOfThisObject(TSNode callee, std::string_view name,
                          std::string_view source) {
  TSNode function = node::Parent(callee);
  while (!ts_node_is_null(function) &&
         (!node::IsFunction(function) || node::Is(function, "arrow_function")))
    function = node::Parent(function);
  if (ts_node_is_null(function)) return TSNode{};
  TSNode holder = node::Is(function, "method_definition")
                      ? function
                      : node::Parent(function);
  if (!node::Is(holder, "method_definition") && !node::Is(holder, "pair"))
    return TSNode{};
  TSNode object = node::Parent(holder);
  return node::Is(object, "object") ? FunctionMember(object, name, source)
                                    : TSNode{};
}

}  // namespace

TSNode ThisAt(TSNode object, std::string_view source) {
  if (node::Is(object, "this")) return object;
  if (!node::Is(object, "identifier")) return TSNode{};
  Binding b = ResolveName(node::Text(object, source), object, source);
  if (b.kind != Binding::Kind::kVariable || !b.assignments.empty())
    return TSNode{};
  TSNode value = node::Unwrap(node::Field(b.declarator, "value"));
  return node::Is(value, "this") ? value : TSNode{};
}

// The function a callee names in this file: `build(...)` for a function
// declaration or a variable bound to a function, `this.build(...)` for a
// method of the enclosing class or object literal.
TSNode FunctionCalled(TSNode callee, std::string_view source) {
  callee = node::Unwrap(callee);
  if (node::Is(callee, "identifier")) {
    return FunctionBoundTo(
        ResolveName(node::Text(callee, source), callee, source));
  }
  TSNode self =
      node::Is(callee, "member_expression")
          ? ThisAt(node::Unwrap(node::Field(callee, "object")), source)
          : TSNode{};
  if (!ts_node_is_null(self)) {
    std::string_view method =
        node::Text(node::Field(callee, "property"), source);
    TSNode klass = node::EnclosingOfType(self, "class_body");
    if (ts_node_is_null(klass)) return MethodOfThisObject(self, method, source);
    return FunctionMember(klass, method, source);
  }
  return TSNode{};
}

// `promise` in `promise.then(function)` when `index` is the function's
// first parameter; null otherwise.
TSNode ThenReceiver(TSNode function, int index, std::string_view source) {
  TSNode args = node::Parent(function);
  TSNode call = node::Parent(args);
  if (index != 0 || !node::Is(args, "arguments") ||
      !node::Is(call, "call_expression")) {
    return TSNode{};
  }
  std::vector<TSNode> list = node::Arguments(call);
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (list.empty() || !ts_node_eq(node::Unwrap(list[0]), function) ||
      !node::Is(callee, "member_expression") ||
      node::Text(node::Field(callee, "property"), source) != "then") {
    return TSNode{};
  }
  return node::Field(callee, "object");
}

namespace {

// Whether `function` is called by a name declared for it (`function f`,
// `const f = ...`) rather than as a method.
bool CalledByDeclaredName(TSNode function) {
  return node::Is(function, "function_declaration") ||
         node::Is(node::Parent(function), "variable_declarator");
}

}  // namespace

TSNode WrapperCallScope(TSNode function) {
  if (!CalledByDeclaredName(function)) return TSNode{};
  // The nearest function or program around the declaration: wider than the
  // block a `let` or a block's function lives in, so it holds every use.
  for (TSNode up = node::Parent(function); !ts_node_is_null(up);
       up = node::Parent(up)) {
    if (node::IsFunction(up) || node::Is(up, "program")) return up;
  }
  return TSNode{};
}

// Whether `call` may call the wrapper `function`. A plain name must be
// bound to it; a method name (`this.build(...)`, `api.build(...)`) is
// matched by name, leaving out calls on a DigitalRiver.js object — a
// wrapper named `createSource` is not called by the sites it wraps.
// Calls inside the wrapper itself pass on what it was given.
bool CallsWrapper(TSNode call, TSNode function, std::string_view source) {
  if (node::Range(function).Contains(node::Range(call))) return false;
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  bool declared = CalledByDeclaredName(function);
  if (node::Is(callee, "identifier")) {
    std::string_view name = node::Text(callee, source);
    if (name != FunctionName(function, source) || !declared) return false;
    return ts_node_eq(FunctionCalled(callee, source), function);
  }
  if (!node::Is(callee, "member_expression") || declared) return false;
  return node::Text(node::Field(callee, "property"), source) ==
             FunctionName(function, source) &&
         ClassifyReceiver(node::Field(callee, "object"), source) !=
             Receiver::kDigitalRiver;
}

int ParameterIndex(TSNode function, TSNode param, std::string_view source) {
  TSNode params = node::Field(function, "parameters");
  if (ts_node_is_null(params)) return 0;  // `data => ...`
  int index = 0;
  for (TSNode p : node::NamedChildren(params)) {
    if (node::IsComment(p)) continue;
    if (node::Range(p).Contains(node::Range(param))) {
      // Only a plain (maybe typed or defaulted) name can be followed.
      std::string_view text = node::Text(p, source);
      bool plain = text.find('{') == std::string_view::npos &&
                   text.find('[') == std::string_view::npos &&
                   !text.starts_with("...");
      return plain ? index : -1;
    }
    ++index;
  }
  return -1;
}

std::string FunctionName(TSNode function, std::string_view source) {
  TSNode name = node::Field(function, "name");
  if (!ts_node_is_null(name)) return std::string(node::Text(name, source));
  TSNode parent = node::Parent(function);
  if (node::Is(parent, "variable_declarator")) {
    return std::string(node::Text(node::Field(parent, "name"), source));
  }
  if (node::Is(parent, "pair"))
    return std::string(node::Text(node::Field(parent, "key"), source));
  if (node::Is(parent, "assignment_expression")) {
    TSNode left = node::Field(parent, "left");
    if (node::Is(left, "member_expression")) {
      return std::string(node::Text(node::Field(left, "property"), source));
    }
    return std::string(node::Text(left, source));
  }
  return "";
}

std::optional<GivenType> AgreedType(const std::vector<GivenType>& given) {
  if (given.empty() || !given.front().value) return std::nullopt;
  for (const GivenType& g : given) {
    if (g.value != given.front().value) return std::nullopt;
  }
  return given.front();
}

int TypeParameterIndex(const ObjectLiteral& literal, TSNode root,
                       TSNode function, std::string_view source,
                       std::string* name) {
  const Member* type = literal.Find("type");
  if (!type || type->string_value) return -1;
  TSNode value = ts_node_descendant_for_byte_range(
      root, type->value_range.begin, type->value_range.end);
  if (!node::Is(value, "identifier") &&
      !node::Is(value, "shorthand_property_identifier")) {
    return -1;
  }
  std::string_view text = node::Text(value, source);
  Binding binding = ResolveName(text, value, source);
  if (binding.kind != Binding::Kind::kParameter ||
      !ts_node_eq(binding.scope, function)) {
    return -1;
  }
  *name = std::string(text);
  return ParameterIndex(function, binding.declarator, source);
}

GivenType TypeGivenBy(TSNode call, int index, std::string_view source) {
  std::vector<TSNode> args = node::Arguments(call);
  GivenType given;
  if (index < 0 || static_cast<size_t>(index) >= args.size()) {
    given.what = "undefined";
    return given;
  }
  return ArgumentGiven(args[index], source);
}

}  // namespace psm
