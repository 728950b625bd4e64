#include "find/receiver.h"

#include <string>

#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Classifies the expression a receiver variable was initialised with.
Receiver ClassifyMaker(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression")) {
    value = node::Unwrap(ts_node_named_child(value, 0));
  }
  bool made =
      node::Is(value, "call_expression") || node::Is(value, "new_expression");
  if (!made) return Receiver::kUnknown;
  TSNode callee = node::Field(
      value, node::Is(value, "new_expression") ? "constructor" : "function");
  std::string_view name = node::Text(callee, source);
  if (name.ends_with("DigitalRiver")) return Receiver::kDigitalRiver;
  // `loadStripe(key)`, `Stripe(key)`, `window.Stripe(key)`, `new Stripe()`.
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  if (lower.find("stripe") != std::string::npos ||
      lower.find("braintree") != std::string::npos ||
      lower.find("adyen") != std::string::npos) {
    return Receiver::kOtherLibrary;
  }
  return Receiver::kUnknown;
}

// `this.x` in a class: the value of a field `x = ...` or `this.x = ...`.
Receiver ClassifyThisField(TSNode member, std::string_view source) {
  std::string_view field = node::Text(node::Field(member, "property"), source);
  TSNode klass = node::EnclosingOfType(member, "class_body");
  if (ts_node_is_null(klass)) return Receiver::kUnknown;
  Receiver verdict = Receiver::kUnknown;
  ForEachDescendant(klass, true, [&](TSNode n) {
    if (verdict != Receiver::kUnknown) return;
    if (node::Is(n, "assignment_expression")) {
      TSNode left = node::Field(n, "left");
      if (node::Is(left, "member_expression") &&
          node::Is(node::Field(left, "object"), "this") &&
          node::Text(node::Field(left, "property"), source) == field) {
        verdict = ClassifyMaker(node::Field(n, "right"), source);
      }
    } else if (node::Is(n, "field_definition") ||
               node::Is(n, "public_field_definition")) {
      TSNode name = node::Field(n, "property");
      if (ts_node_is_null(name)) name = node::Field(n, "name");
      if (node::Text(name, source) == field) {
        verdict = ClassifyMaker(node::Field(n, "value"), source);
      }
    }
  });
  return verdict;
}

// `this.createSource(...)` inside a class that defines its own createSource.
Receiver ClassifyThis(TSNode self, std::string_view source) {
  TSNode klass = node::EnclosingOfType(self, "class_body");
  if (ts_node_is_null(klass)) return Receiver::kUnknown;
  for (TSNode member : node::NamedChildren(klass)) {
    if (node::Is(member, "method_definition") &&
        node::Text(node::Field(member, "name"), source) == "createSource") {
      return Receiver::kOtherLibrary;
    }
  }
  return Receiver::kUnknown;
}

}  // namespace

Receiver ClassifyReceiver(TSNode receiver, std::string_view source) {
  receiver = node::Unwrap(receiver);
  if (node::Is(receiver, "this")) return ClassifyThis(receiver, source);
  if (node::Is(receiver, "identifier")) {
    Binding binding =
        ResolveName(node::Text(receiver, source), receiver, source);
    if (binding.kind != Binding::Kind::kVariable) return Receiver::kUnknown;
    return ClassifyMaker(node::Field(binding.declarator, "value"), source);
  }
  if (node::Is(receiver, "member_expression") &&
      node::Is(node::Field(receiver, "object"), "this")) {
    return ClassifyThisField(receiver, source);
  }
  if (node::Is(receiver, "call_expression") ||
      node::Is(receiver, "new_expression")) {
    return ClassifyMaker(receiver, source);
  }
  return Receiver::kUnknown;
}

}  // namespace psm
