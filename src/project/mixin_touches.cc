#include "project/mixin_touches.h"

#include <vector>

#include "common/strings.h"
#include "find/payload_uses.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether the use `id` of the target only reaches a member by its name
// (`target.extra = ...`, `target.on(...)`) or gives the target back.
bool NamedMemberOrReturned(TSNode id) {
  TSNode parent = node::Parent(id);
  if (node::Is(parent, "return_statement")) return true;
  return node::Is(parent, "member_expression") &&
         ts_node_eq(node::Field(parent, "object"), id) &&
         node::Is(node::Field(parent, "property"), "property_identifier");
}

}  // namespace

std::string MixinTouches(TSNode module_value, std::string_view text,
                         std::string_view member) {
  if (!WordsAt(text, member).empty()) return "names " + std::string(member);
  TSNode mixin = node::Unwrap(module_value);
  if (!node::IsFunction(mixin)) return "is not a function the tool can read";
  std::vector<TSNode> params =
      node::NamedChildren(node::Field(mixin, "parameters"));
  if (node::Is(mixin, "arrow_function") && params.empty()) {
    TSNode single = node::Field(mixin, "parameter");
    if (!ts_node_is_null(single)) params.push_back(single);
  }
  if (params.empty() || !node::Is(params.front(), "identifier")) return "";
  std::string_view target = node::Text(params.front(), text);
  std::string why;
  // Closures count: `_.each(names, (n) => { target[n] = wrap(target[n]); })`.
  ForEachDescendant(node::Field(mixin, "body"), true, [&](TSNode n) {
    if (!why.empty() || !node::Is(n, "identifier") ||
        node::Text(n, text) != target || NamedMemberOrReturned(n))
      return;
    why = "hands its target on or reaches a member it computes (" +
          StatementAround(n, text) + ")";
  });
  return why;
}

}  // namespace psm
