#include "find/member_chain.h"

#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// More aliases than this in one chain is not code anyone writes; the bound
// also ends `const a = b.x, b = a.y`-like cycles.
constexpr int kMaxSteps = 16;

}  // namespace

bool IsMemberRead(TSNode n) {
  return node::Is(n, "member_expression") ||
         node::Is(n, "subscript_expression");
}

std::string_view PropertyRead(TSNode read, std::string_view source) {
  if (node::Is(read, "member_expression"))
    return node::Text(node::Field(read, "property"), source);
  TSNode index = node::Unwrap(node::Field(read, "index"));
  if (!node::Is(index, "string")) return {};
  std::string_view quoted = node::Text(index, source);
  return quoted.size() >= 2 ? quoted.substr(1, quoted.size() - 2)
                            : std::string_view{};
}

std::string_view KeyBinding(TSNode pattern, std::string_view name,
                            std::string_view source) {
  for (TSNode p : node::NamedChildren(pattern)) {
    if (node::Is(p, "shorthand_property_identifier_pattern") &&
        node::Text(p, source) == name)
      return name;
    if (node::Is(p, "object_assignment_pattern") &&
        node::Text(node::Field(p, "left"), source) == name)
      return name;
    if (node::Is(p, "pair_pattern") &&
        node::Text(node::Unwrap(node::Field(p, "value")), source) == name)
      return node::Text(node::Field(p, "key"), source);
  }
  return {};
}

std::optional<MemberChain> ChainOf(TSNode expression, std::string_view source) {
  MemberChain chain;
  std::vector<std::string> reversed;  // outermost property first
  TSNode at = node::Unwrap(expression);
  for (int step = 0; step < kMaxSteps; ++step) {
    if (IsMemberRead(at)) {
      std::string_view property = PropertyRead(at, source);
      if (property.empty()) return std::nullopt;
      reversed.emplace_back(property);
      at = node::Unwrap(node::Field(at, "object"));
      continue;
    }
    if (node::Is(at, "identifier")) {
      std::string_view name = node::Text(at, source);
      Binding b = ResolveName(name, at, source);
      TSNode value = node::Unwrap(node::Field(b.declarator, "value"));
      // `const s = app.services`, `const self = this`
      if (b.kind == Binding::Kind::kVariable && b.assignments.empty() &&
          (IsMemberRead(value) || node::Is(value, "this"))) {
        at = value;
        continue;
      }
      // `const { services } = app`: const, so never assigned again.
      std::string_view key =
          b.kind == Binding::Kind::kOther && b.is_const &&
                  node::Is(b.declarator, "variable_declarator")
              ? KeyBinding(node::Field(b.declarator, "name"), name, source)
              : std::string_view{};
      // (`const { a } = require('./m')` is an import: the chain starts
      // at `a`.)
      bool from_read = node::Is(value, "identifier") ||
                       node::Is(value, "this") || IsMemberRead(value);
      if (!key.empty() && from_read) {
        reversed.emplace_back(key);
        at = value;
        continue;
      }
    }
    if (!node::Is(at, "identifier") && !node::Is(at, "this"))
      return std::nullopt;
    chain.base = at;
    chain.path.assign(reversed.rbegin(), reversed.rend());
    return chain;
  }
  return std::nullopt;
}

}  // namespace psm
