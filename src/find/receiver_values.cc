#include "find/receiver_values.h"

#include <string>

#include "find/member_chain.h"
#include "find/module_request.h"
#include "find/receiver_origin.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// What a write of `value` over the first `covered` properties of `path`
// leaves in the whole chain: `app.services = { payments: x }` leaves `x`.
// When the file does not show it, the written expression stands for it.
TSNode WrittenValue(TSNode value, const std::vector<std::string>& path,
                    size_t covered, std::string_view source) {
  if (covered == path.size()) return value;
  TSNode shown = ValueAlongPath(value, path, covered, source);
  return ts_node_is_null(shown) ? value : shown;
}

bool IsObjectAssign(TSNode call, std::string_view source) {
  return node::Is(call, "call_expression") &&
         node::Text(node::Unwrap(node::Field(call, "function")), source) ==
             "Object.assign";
}

// The writes to `chain`, or to a part of it, through `use` (one use of its
// base name): `deps.api = v`, `deps = { api: v }`, `Object.assign(deps,
// { api: v })`.
void AddWritesAt(TSNode use, const MemberChain& chain, std::string_view source,
                 std::vector<TSNode>* values) {
  TSNode at = use;
  size_t covered = 0;
  while (covered < chain.path.size()) {
    TSNode up = node::Parent(at);
    if (!ts_node_eq(node::Field(up, "object"), at) ||
        PropertyRead(up, source) != chain.path[covered])
      break;
    at = up;
    ++covered;
  }
  TSNode up = node::Parent(at);
  if (node::Is(up, "assignment_expression") &&
      ts_node_eq(node::Field(up, "left"), at)) {
    values->push_back(
        WrittenValue(node::Field(up, "right"), chain.path, covered, source));
    return;
  }
  TSNode call = node::Parent(up);
  if (covered == chain.path.size() || !node::Is(up, "arguments") ||
      !IsObjectAssign(call, source))
    return;
  std::vector<TSNode> args = node::Arguments(call);
  if (args.empty() || !ts_node_eq(node::Unwrap(args[0]), at)) return;
  for (size_t i = 1; i < args.size(); ++i) {
    TSNode from = node::Unwrap(args[i]);
    // A literal without the property leaves it as it was.
    bool literal = node::Is(from, "object");
    TSNode shown = ValueAlongPath(from, chain.path, covered, source);
    if (!ts_node_is_null(shown) || !literal)
      values->push_back(ts_node_is_null(shown) ? from : shown);
  }
}

}  // namespace

std::vector<TSNode> ChainValues(const MemberChain& chain, TSNode receiver,
                                std::string_view source) {
  std::vector<TSNode> values;
  TSNode shown = ChainValueInFile(chain, receiver, source);
  if (!ts_node_is_null(shown)) values.push_back(shown);
  if (!node::Is(chain.base, "identifier")) return values;
  std::string_view name = node::Text(chain.base, source);
  Binding base = ResolveName(name, chain.base, source);
  bool imported = ImportedAs(base, name, source).has_value();
  if (!imported && base.kind != Binding::Kind::kVariable &&
      base.kind != Binding::Kind::kClass)
    return values;
  // `let deps = {...}` assigned again: its first literal counts too.
  TSNode initial = node::Field(base.declarator, "value");
  if (!imported && ts_node_is_null(shown) &&
      base.kind == Binding::Kind::kVariable && !base.assignments.empty() &&
      !ts_node_is_null(initial))
    values.push_back(WrittenValue(initial, chain.path, 0, source));
  size_t before = values.size();
  for (TSNode use : UsesOf(base, name, source))
    AddWritesAt(use, chain, source, &values);
  // An imported object's member written here: what its own module gives it
  // is unseen, and stands first as the imported name (see ClassifyValues).
  if (imported && values.size() > before)
    values.insert(values.begin(), chain.base);
  return values;
}

namespace {

std::vector<TSNode> VariableValues(const Binding& binding) {
  std::vector<TSNode> values = {node::Field(binding.declarator, "value")};
  for (TSNode a : binding.assignments)
    values.push_back(node::Field(a, "right"));
  return values;
}

// The values the file shows for `receiver` itself, before the names and
// members among them are followed.
std::vector<TSNode> DirectValues(TSNode receiver, std::string_view source) {
  std::optional<MemberChain> chain = ChainOf(receiver, source);
  if (!chain) return {};
  if (chain->path.empty()) {  // a plain name
    if (!node::Is(chain->base, "identifier")) return {};
    std::string_view name = node::Text(chain->base, source);
    Binding b = ResolveName(name, chain->base, source);
    return b.kind == Binding::Kind::kVariable ? VariableValues(b)
                                              : std::vector<TSNode>{};
  }
  if (node::Is(chain->base, "this") && chain->path.size() == 1)
    return FieldValues(node::EnclosingOfType(chain->base, "class_body"),
                       chain->path.front(), source);
  return ChainValues(*chain, receiver, source);
}

// More hops than this between a receiver and what made it is not code
// anyone writes; the bound also ends `a = b; b = a` cycles.
constexpr int kMaxHops = 4;

// `value` as the values it may stand for: both sides of `?:`, `||`, `??`
// and `&&`, and what a name or member the file shows is given.
void Expand(TSNode value, std::string_view source, int hops,
            std::vector<TSNode>* out) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  if (node::Is(value, "ternary_expression")) {
    Expand(node::Field(value, "consequence"), source, hops, out);
    Expand(node::Field(value, "alternative"), source, hops, out);
    return;
  }
  std::string_view op = node::Text(node::Field(value, "operator"), source);
  if (node::Is(value, "binary_expression") &&
      (op == "||" || op == "??" || op == "&&")) {
    Expand(node::Field(value, "left"), source, hops, out);
    Expand(node::Field(value, "right"), source, hops, out);
    return;
  }
  bool named = node::Is(value, "identifier") ||
               node::Is(value, "member_expression") ||
               node::Is(value, "subscript_expression");
  if (named && hops < kMaxHops) {
    std::vector<TSNode> inner = DirectValues(value, source);
    if (!inner.empty()) {
      for (TSNode v : inner) Expand(v, source, hops + 1, out);
      return;
    }
  }
  out->push_back(value);
}

}  // namespace

std::vector<TSNode> ReceiverValues(TSNode receiver, std::string_view source) {
  std::vector<TSNode> values;
  for (TSNode v : DirectValues(node::Unwrap(receiver), source))
    Expand(v, source, 1, &values);
  return values;
}

}  // namespace psm
