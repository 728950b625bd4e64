#include "find/global_values.h"

#include <array>
#include <string>

#include "common/strings.h"
#include "find/own_create_source.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

constexpr std::array<std::string_view, 3> kGlobalObjects = {"window", "self",
                                                            "globalThis"};

// The name `n` gives a member: `window.name`'s property, or the string of
// `window['name']`; "" for any other.
std::string_view MemberName(TSNode n, std::string_view source) {
  if (node::Is(n, "member_expression"))
    return node::Text(node::Field(n, "property"), source);
  if (!node::Is(n, "subscript_expression")) return "";
  TSNode index = node::Unwrap(node::Field(n, "index"));
  if (!node::Is(index, "string") || ts_node_named_child_count(index) != 1)
    return "";
  return node::Text(ts_node_named_child(index, 0), source);
}

// `name`, `window.name` or `window['name']` (`self.`, `globalThis.`) as
// written at `n`.
bool NamesTheGlobal(TSNode n, std::string_view name, std::string_view source) {
  n = node::Unwrap(n);
  if (node::Is(n, "identifier")) return node::Text(n, source) == name;
  TSNode object = node::Field(n, "object");
  if (MemberName(n, source) != name || !node::Is(object, "identifier"))
    return false;
  std::string_view holder = node::Text(object, source);
  for (std::string_view g : kGlobalObjects) {
    // `var self = this` is not the global object.
    if (holder == g)
      return ResolveName(holder, object, source).kind ==
             Binding::Kind::kNotFound;
  }
  return false;
}

// `Vue.prototype.$api`, `app.config.globalProperties.$api`: where a Vue
// app gives every component its `this.$api` (names starting with `$`
// only, Vue's convention for them).
bool NamesInstanceProperty(TSNode n, std::string_view name,
                           std::string_view source) {
  n = node::Unwrap(n);
  if (!name.starts_with('$') || !node::Is(n, "member_expression") ||
      MemberName(n, source) != name)
    return false;
  std::string_view holder = node::Text(node::Field(n, "object"), source);
  return holder.ends_with(".prototype") ||
         holder.ends_with(".globalProperties");
}

bool IsEmptyObject(TSNode n) {
  return node::Is(n, "object") && ts_node_named_child_count(n) == 0;
}

// The object an immediately invoked function returns, the revealing-module
// idiom (`var ShopApi = (function ($) { ... return { createSource: ... };
// })(jQuery)`, `(() => ({ ... }))()`): its only `return` gives an object
// literal. Null otherwise.
TSNode ReturnedByIife(TSNode call) {
  if (!node::Is(call, "call_expression")) return TSNode{};
  TSNode function = node::Unwrap(node::Field(call, "function"));
  if (!node::IsFunction(function)) return TSNode{};
  TSNode body = node::Field(function, "body");
  if (!node::Is(body, "statement_block")) {
    body = node::Unwrap(body);
    return node::Is(body, "object") ? body : TSNode{};
  }
  TSNode returned{};
  int returns = 0;
  ForEachDescendant(body, false, [&](TSNode n) {
    if (!node::Is(n, "return_statement")) return;
    ++returns;
    returned = node::Unwrap(ts_node_named_child(n, 0));
  });
  return returns == 1 && node::Is(returned, "object") ? returned : TSNode{};
}

// `value`, or the sides of `a || b` / `a ?? b`, without the name itself
// and empty objects; for an immediately invoked function, the object it
// returns.
void AddValue(TSNode value, std::string_view name, std::string_view source,
              std::vector<TSNode>* values) {
  value = node::Unwrap(value);
  if (ts_node_is_null(value)) return;
  if (node::Is(value, "binary_expression")) {
    std::string_view op = node::Text(node::Field(value, "operator"), source);
    if (op == "||" || op == "??") {
      AddValue(node::Field(value, "left"), name, source, values);
      AddValue(node::Field(value, "right"), name, source, values);
      return;
    }
  }
  if (NamesTheGlobal(value, name, source) || IsEmptyObject(value)) return;
  TSNode returned = ReturnedByIife(value);
  values->push_back(ts_node_is_null(returned) ? value : returned);
}

// The value `n` (an occurrence of `name`) is given when it is the global:
// null when it is not a write of the global.
TSNode ValueWrittenAt(TSNode n, std::string_view name,
                      std::string_view source) {
  TSNode target = n;
  TSNode up = node::Parent(n);
  if (node::Is(n, "string_fragment")) {  // `window['name'] = ...`
    up = node::Parent(node::Parent(n));
    if (!node::Is(up, "subscript_expression") ||
        !NamesTheGlobal(up, name, source))
      return TSNode{};
    target = up;
    up = node::Parent(up);
  } else if (node::Is(up, "member_expression") &&
             ts_node_eq(node::Field(up, "property"), n)) {
    if (!NamesTheGlobal(up, name, source) &&
        !NamesInstanceProperty(up, name, source))
      return TSNode{};
    target = up;
    up = node::Parent(up);
  } else {
    Binding binding = ResolveName(name, n, source);
    bool global = binding.kind == Binding::Kind::kNotFound ||
                  (binding.kind == Binding::Kind::kVariable &&
                   node::Is(binding.scope, "program"));
    if (!global) return TSNode{};
  }
  if (node::Is(up, "variable_declarator") &&
      ts_node_eq(node::Field(up, "name"), target))
    return node::Field(up, "value");
  if (node::Is(up, "assignment_expression") &&
      ts_node_eq(node::Field(up, "left"), target))
    return node::Field(up, "right");
  return TSNode{};
}

}  // namespace

std::string_view GlobalWord(std::string_view name) {
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

namespace {

// "Shop.Payments" for `Shop.Payments` (plain members of a name the file
// does not declare, the namespace of an old page's scripts; with
// `declared`, also of a top-level `var Shop = Shop || {}`, which is that
// global in a script that sets it); "" otherwise.
std::string NamespaceMember(TSNode n, std::string_view source,
                            bool declared = false) {
  std::string path;
  for (n = node::Unwrap(n); node::Is(n, "member_expression");
       n = node::Unwrap(node::Field(n, "object"))) {
    TSNode property = node::Field(n, "property");
    if (!node::Is(property, "property_identifier")) return "";
    path = "." + std::string(node::Text(property, source)) + path;
  }
  if (path.empty() || !node::Is(n, "identifier")) return "";
  std::string_view root = node::Text(n, source);
  for (std::string_view g : kGlobalObjects) {
    if (root != g) continue;
    // `window.shop.api` is `shop.api`; `window.ShopApi` is a plain global,
    // looked up by its own name.
    size_t second = path.find('.', 1);
    if (second == std::string::npos ||
        ResolveName(root, n, source).kind != Binding::Kind::kNotFound)
      return "";
    return path.substr(1);
  }
  // Undeclared, or a top-level `var Shop = Shop || {}` of a script.
  Binding binding = ResolveName(root, n, source);
  bool global = binding.kind == Binding::Kind::kNotFound ||
                (declared && binding.kind == Binding::Kind::kVariable &&
                 node::Is(binding.scope, "program"));
  return global ? std::string(root) + path : "";
}

}  // namespace

std::string GlobalReceiverName(TSNode receiver, std::string_view source) {
  receiver = node::Unwrap(receiver);
  if (node::Is(receiver, "member_expression") ||
      node::Is(receiver, "subscript_expression")) {
    std::string_view name = MemberName(receiver, source);
    // A Vue component's `this.$api`: what the app's `Vue.prototype.$api`
    // (or `globalProperties.$api`) holds, set in another file.
    if (name.starts_with('$') &&
        node::Is(node::Field(receiver, "object"), "this"))
      return std::string(name);
    if (std::string path = NamespaceMember(receiver, source); !path.empty())
      return path;
    return !name.empty() && NamesTheGlobal(receiver, name, source)
               ? std::string(name)
               : "";
  }
  if (!node::Is(receiver, "identifier")) return "";
  std::string_view name = node::Text(receiver, source);
  if (ResolveName(name, receiver, source).kind != Binding::Kind::kNotFound)
    return "";
  return std::string(name);
}

GlobalGiven ValuesGivenToGlobal(std::string_view name, TSNode root,
                                std::string_view source) {
  GlobalGiven given;
  if (name.find('.') != std::string_view::npos) {
    // `Shop.Payments = {...}` where `Shop` is the page's namespace.
    std::string_view word = GlobalWord(name);
    for (size_t at : WordsAt(source, word)) {
      TSNode n = ts_node_descendant_for_byte_range(
          root, static_cast<uint32_t>(at),
          static_cast<uint32_t>(at + word.size()));
      TSNode member = node::Parent(n);
      if (!node::Is(n, "property_identifier") ||
          NamespaceMember(member, source, /*declared=*/true) != name)
        continue;
      TSNode up = node::Parent(member);
      if (node::Is(up, "assignment_expression") &&
          ts_node_eq(node::Field(up, "left"), member))
        AddValue(node::Field(up, "right"), name, source, &given.values);
    }
    given.own_create_source = OwnCreateSourceAssignment(name, root, source);
    if (ts_node_is_null(given.own_create_source))
      given.own_create_source = OpaqueMixinInto(name, root, source);
    return given;
  }
  for (size_t at : WordsAt(source, name)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + name.size()));
    if (!node::Is(n, "identifier") && !node::Is(n, "property_identifier") &&
        !node::Is(n, "string_fragment"))
      continue;
    TSNode value = ValueWrittenAt(n, name, source);
    if (!ts_node_is_null(value)) AddValue(value, name, source, &given.values);
  }
  for (std::string_view holder : {std::string_view(), kGlobalObjects[0],
                                  kGlobalObjects[1], kGlobalObjects[2]}) {
    std::string object = holder.empty()
                             ? std::string(name)
                             : std::string(holder) + "." + std::string(name);
    TSNode at = OwnCreateSourceAssignment(object, root, source);
    if (ts_node_is_null(at)) at = OpaqueMixinInto(object, root, source);
    if (!ts_node_is_null(at)) {
      given.own_create_source = at;
      break;
    }
  }
  return given;
}

}  // namespace psm
