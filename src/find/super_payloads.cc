#include "find/super_payloads.h"

#include <algorithm>
#include <vector>

#include "find/object_builder.h"
#include "syntax/node.h"

namespace psm {
namespace {

// `name.key = value;` as a statement, `name` being `binding`'s variable:
// the assignment, or null.
TSNode MemberAssignment(TSNode statement, const Binding& binding,
                        std::string_view name, std::string_view source) {
  TSNode assignment = ts_node_named_child(statement, 0);
  if (!node::Is(statement, "expression_statement") ||
      !node::Is(assignment, "assignment_expression")) {
    return TSNode{};
  }
  TSNode left = node::Field(assignment, "left");
  TSNode object = node::Field(left, "object");
  bool ours = node::Is(left, "member_expression") &&
              node::Is(node::Field(left, "property"), "property_identifier") &&
              node::Is(object, "identifier") &&
              node::Text(object, source) == name &&
              ts_node_eq(ResolveName(name, object, source).declarator,
                         binding.declarator);
  return ours ? assignment : TSNode{};
}

}  // namespace

bool IsSuperCall(TSNode n, std::string_view member, std::string_view source) {
  if (!node::Is(n, "call_expression")) return false;
  TSNode callee = node::Unwrap(node::Field(n, "function"));
  return node::Is(callee, "member_expression") &&
         node::Is(node::Field(callee, "object"), "super") &&
         node::Text(node::Field(callee, "property"), source) == member;
}

ObjectLiteral PiecewiseObject(const Binding& binding, std::string_view name,
                              TSNode init, const std::string& covered,
                              std::string_view source) {
  TSNode declaration = node::Parent(binding.declarator);
  ObjectLiteral object;
  object.statements = true;
  object.range = node::Range(declaration);
  Member base;
  base.kind = Member::Kind::kSpread;
  base.range = base.value_range = node::Range(init);
  base.set_covered(covered);
  object.members.push_back(std::move(base));
  for (TSNode s = ts_node_next_named_sibling(declaration); !ts_node_is_null(s);
       s = ts_node_next_named_sibling(s)) {
    TSNode assignment = MemberAssignment(s, binding, name, source);
    if (ts_node_is_null(assignment)) continue;
    object.members.push_back(BuildAssignedMember(s, assignment, source));
    object.range.end = ts_node_end_byte(s);
  }
  return object;
}

void DropPiecewiseWrites(CallSite* site) {
  std::vector<ByteRange> members;
  for (const PayloadLiteral& p : site->payloads) {
    if (!p.object.statements) continue;
    for (const Member& m : p.object.members) members.push_back(m.range);
  }
  std::erase_if(site->mutations, [&](const PayloadMutation& m) {
    return std::find(members.begin(), members.end(), m.statement) !=
           members.end();
  });
}

}  // namespace psm
