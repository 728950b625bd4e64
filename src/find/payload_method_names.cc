// Ways to a builder method other than calling it by name: a string key, a
// destructuring, the method's object walked by its keys (PayloadResolver::
// NamedOtherwise). Whoever gets the method that way may call it and read
// every field of what it returns.

#include <algorithm>
#include <iterator>

#include "common/strings.h"
#include "find/object_leaves.h"
#include "find/payload_resolver_class.h"
#include "find/tree_memo.h"

namespace psm::payload_detail {

std::string PayloadResolver::NamedOtherwise(TSNode callee) const {
  std::string_view name = node::Text(node::Field(callee, "property"), source_);
  // Once per name and file: a file of many `this.build()` sites would read
  // itself once per site (issue 14).
  thread_local TreeMemo<TSNode> memo;
  TSNode n = memo.Get(root_, std::string(name), [&] {
    for (uint32_t at : WholeWordsOf(root_, name, source_, node::Range(root_))) {
      TSNode word = ts_node_descendant_for_byte_range(
          root_, static_cast<uint32_t>(at),
          static_cast<uint32_t>(at + name.size()));
      if (TakesMethodOff(word)) return word;
    }
    return TSNode{};
  });
  if (!ts_node_is_null(n)) {
    return Quote(node::Text(callee, source_)) +
           ", which builds it, is also named at line " +
           std::to_string(node::Line(n)) + " (" + StatementAround(n, source_) +
           "): it may be called from there";
  }
  if (std::string computed = ComputedThisAccess(callee); !computed.empty())
    return computed;
  if (std::string base = CalledByItsBase(callee); !base.empty()) return base;
  return HolderUsedWhole(node::Field(callee, "object"));
}

// `getData` of an object given to `Component.extend({...})`, the way a
// Magento checkout renderer extends `Magento_Checkout/js/view/payment/
// default`: the base's `placeOrder` calls `this.getData()` and sends what
// it returns to the server, code the tool does not see. Only names such
// bases are known to call on their own are asked about: any other method
// would make every renderer's builder need review.
std::string PayloadResolver::CalledByItsBase(TSNode callee) const {
  static constexpr std::string_view kCalledByBases[] = {"getData"};
  std::string_view name = node::Text(node::Field(callee, "property"), source_);
  if (std::find(std::begin(kCalledByBases), std::end(kCalledByBases), name) ==
      std::end(kCalledByBases))
    return "";
  TSNode self = node::Field(callee, "object");
  TSNode object = node::Is(self, "this") ? ObjectOfThis(self) : TSNode{};
  TSNode arguments = node::Parent(object);
  TSNode call = node::Parent(arguments);
  if (!node::Is(arguments, "arguments") || !node::Is(call, "call_expression"))
    return "";
  TSNode extend = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(extend, "member_expression") ||
      node::Text(node::Field(extend, "property"), source_) != "extend")
    return "";
  std::string base(node::Text(node::Field(extend, "object"), source_));
  return Quote(node::Text(callee, source_)) + ", which builds it, is a " +
         "method of the object given to " + Quote(base + ".extend(...)") +
         ", whose own code (not in this file) may call `" + std::string(name) +
         "` too and send what it returns elsewhere (Magento's payment " +
         "renderer sends it with the order)";
}

// `this[m]` with `m` not a string written there, or lodash's and
// underscore's `_.result(this, m)`, `_.invoke(this, m)`, `_.get(this, m)`.
bool PayloadResolver::ComputesMemberOfThis(TSNode n) const {
  auto computed = [](TSNode key) {
    return !ts_node_is_null(key) && !node::Is(node::Unwrap(key), "string");
  };
  if (node::Is(n, "subscript_expression"))
    return node::Is(node::Unwrap(node::Field(n, "object")), "this") &&
           computed(node::Field(n, "index"));
  if (!node::Is(n, "call_expression")) return false;
  TSNode callee = node::Unwrap(node::Field(n, "function"));
  if (!node::Is(callee, "member_expression")) return false;
  std::string_view name = node::Text(node::Field(callee, "property"), source_);
  if (name != "result" && name != "invoke" && name != "get") return false;
  std::vector<TSNode> args = node::Arguments(n);
  return args.size() >= 2 && node::Is(node::Unwrap(args[0]), "this") &&
         computed(args[1]);
}

// `this[name]()` with a key the code computes (`this['get' + method +
// 'Payload']()`, `this[m]`), in the class or object literal whose method
// builds the payload: it may be that method.
std::string PayloadResolver::ComputedThisAccess(TSNode callee) const {
  TSNode holder = node::EnclosingOfType(callee, "class_body");
  if (ts_node_is_null(holder)) {
    TSNode self = node::Field(callee, "object");
    holder = node::Is(self, "this") ? ObjectOfThis(self) : TSNode{};
  }
  if (ts_node_is_null(holder)) return "";
  thread_local TreeMemo<TSNode> memo;  // once per class or object
  TSNode computed = memo.Get(holder, NodeKey(holder), [&] {
    TSNode found{};
    ForEachDescendant(holder, true, [&](TSNode n) {
      if (ts_node_is_null(found) && ComputesMemberOfThis(n)) found = n;
    });
    return found;
  });
  if (ts_node_is_null(computed)) return "";
  return Quote(node::Text(callee, source_)) + ", which builds it, may " +
         "also be reached as " + Quote(node::Text(computed, source_)) +
         " at line " + std::to_string(node::Line(computed)) +
         ", a member the code names as it runs";
}

// Whether the name at `n` reaches a method other than as `x.name`: a
// string key (`this['build']`), a destructuring (`const { build } = view`,
// `{ build: b }`) or a shorthand handing it on (`{ build }`). A string
// elsewhere (`_.bindAll(this, 'build')`, an event name) only names it.
bool PayloadResolver::TakesMethodOff(TSNode n) const {
  std::string_view type = node::Type(n);
  TSNode up = node::Parent(n);
  if (type == "string_fragment") {
    TSNode string = up;
    TSNode subscript = node::Parent(string);
    return node::Is(string, "string") &&
           node::Is(subscript, "subscript_expression") &&
           ts_node_eq(node::Field(subscript, "index"), string);
  }
  if (type == "shorthand_property_identifier_pattern" ||
      type == "shorthand_property_identifier")
    return true;
  return type == "property_identifier" && node::Is(up, "pair_pattern");
}

std::string PayloadResolver::HolderUsedWhole(TSNode self) const {
  TSNode object = node::Is(self, "this") ? ObjectOfThis(self) : TSNode{};
  TSNode declarator = node::Parent(object);
  if (!node::Is(declarator, "variable_declarator")) return "";
  TSNode name = node::Field(declarator, "name");
  if (!node::Is(name, "identifier")) return "";
  std::string_view text = node::Text(name, source_);
  thread_local TreeMemo<TSNode> memo;  // once per object
  TSNode use = memo.Get(object, NodeKey(object), [&] {
    Binding b = ResolveName(text, name, source_);
    for (TSNode u : UsesOf(b, text, source_)) {
      if (!ts_node_eq(u, name) && ReachesMembersByKey(u)) return u;
    }
    return TSNode{};
  });
  if (ts_node_is_null(use)) return "";
  return "the object holding it, " + Quote(text) + ", is used at line " +
         std::to_string(node::Line(use)) + " (" +
         StatementAround(use, source_) +
         "), where its methods may be called by names the tool cannot see";
}

// Whether `use`, a name of an object, reaches its members by keys the code
// computes: `view[k]`, `Object.keys(view)` (and values, entries, own
// names), `for (k in view)`, `{ ...view }`.
bool PayloadResolver::ReachesMembersByKey(TSNode use) const {
  TSNode up = node::Parent(use);
  if (node::Is(up, "subscript_expression"))
    return ts_node_eq(node::Field(up, "object"), use) &&
           !node::Is(node::Field(up, "index"), "string");
  if (node::Is(up, "spread_element") || node::Is(up, "for_in_statement"))
    return true;
  if (!node::Is(up, "arguments")) return false;
  std::string_view callee =
      node::Text(node::Field(node::Parent(up), "function"), source_);
  return callee == "Object.keys" || callee == "Object.values" ||
         callee == "Object.entries" || callee == "Object.getOwnPropertyNames" ||
         callee == "Reflect.ownKeys";
}

}  // namespace psm::payload_detail
