#include "find/reactive_reads.h"

#include <array>
#include <optional>

#include "find/module_request.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Functions whose result traps or tracks property reads.
constexpr std::array<std::string_view, 14> kReactiveMakers = {
    "reactive",
    "shallowReactive",
    "readonly",
    "shallowReadonly",
    "ref",
    "shallowRef",
    "computed",
    "toRefs",
    "observable",
    "makeAutoObservable",
    "makeObservable",
    "useStore",
    "storeToRefs",
    "signal"};

// Callbacks whose reads a framework records as dependencies.
constexpr std::array<std::string_view, 10> kTrackingCalls = {
    "watchEffect",  "watch",      "computed",       "autorun", "reaction",
    "createEffect", "createMemo", "createComputed", "effect",  "derived"};

// The last name of a callee: `reactive` for `Vue.reactive`.
std::string_view LastName(TSNode callee, std::string_view source) {
  callee = node::Unwrap(callee);
  if (node::Is(callee, "member_expression"))
    callee = node::Field(callee, "property");
  return node::Text(callee, source);
}

bool Listed(std::string_view name, const auto& list) {
  for (std::string_view n : list) {
    if (n == name) return true;
  }
  return false;
}

// A Pinia store hook: `useCartStore`.
bool IsStoreHook(std::string_view name) {
  return name.size() > 8 && name.starts_with("use") && name.ends_with("Store");
}

// What made the object `object` names, when it traps or tracks reads.
std::string ReactiveMaker(TSNode object, std::string_view source) {
  object = node::Unwrap(object);
  while (node::Is(object, "member_expression"))  // `store.cart.total`
    object = node::Unwrap(node::Field(object, "object"));
  if (!node::Is(object, "identifier")) return "";
  Binding b = ResolveName(node::Text(object, source), object, source);
  if (b.kind != Binding::Kind::kVariable) return "";
  TSNode value = node::Unwrap(node::Field(b.declarator, "value"));
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  if (node::Is(value, "new_expression")) {
    TSNode made_by = node::Unwrap(node::Field(value, "constructor"));
    std::string_view name = node::Text(made_by, source);
    if (name == "Proxy") return "a `Proxy`, which sees each read";
    // A class of another module of the project: the tool does not look
    // there for a getter of the property read.
    std::optional<ModuleRef> ref =
        node::Is(made_by, "identifier")
            ? ImportedAs(ResolveName(name, made_by, source), name, source)
            : std::nullopt;
    if (ref && ref->specifier.starts_with('.'))
      return "an instance of `" + std::string(name) + "` from " +
             Quote(ref->specifier) +
             ", which may define a getter for it that the tool does not "
             "look into";
    return "";
  }
  if (!node::Is(value, "call_expression")) return "";
  std::string_view maker = LastName(node::Field(value, "function"), source);
  if (Listed(maker, kReactiveMakers) || IsStoreHook(maker))
    return "an object made by `" + std::string(maker) +
           "()`, which sees each read";
  return "";
}

// The tracking call whose callback holds `n`, or "".
std::string TrackingCallAround(TSNode n, std::string_view source) {
  for (TSNode p = node::Parent(n); !ts_node_is_null(p); p = node::Parent(p)) {
    if (!node::IsFunction(p)) continue;
    TSNode arguments = node::Parent(p);
    if (!node::Is(arguments, "arguments")) continue;
    TSNode call = node::Parent(arguments);
    std::string_view callee = LastName(node::Field(call, "function"), source);
    if (Listed(callee, kTrackingCalls)) return std::string(callee);
  }
  return "";
}

}  // namespace

std::string ReactiveRead(TSNode read, std::string_view source) {
  TSNode object = node::Field(read, "object");
  if (std::string maker = ReactiveMaker(object, source); !maker.empty())
    return "a read of " + maker;
  if (std::string call = TrackingCallAround(read, source); !call.empty())
    return "a read inside `" + call +
           "()`, which reruns when what it read changes";
  return "";
}

}  // namespace psm
