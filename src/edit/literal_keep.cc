// Why a field the rule table removes must stay in its literal
// (LiteralPlanner::WhyKept): something reads it or runs code when it is
// read or written.

#include "edit/literal_planner_class.h"

namespace psm::literal_planner_detail {
namespace {

// `set amount(v) {...}` (a member's text).
bool IsSetter(std::string_view member) {
  return member.starts_with("set") && member.size() > 3 &&
         (member[3] == ' ' || member[3] == '\t' || member[3] == '\n' ||
          member[3] == '\r' || member[3] == '[' || member[3] == '/');
}

}  // namespace

std::string LiteralPlanner::WhyKept(const ObjectLiteral& object, size_t i,
                                    const std::string& path) const {
  const Member& m = object.members[i];
  if (auto seen = observed_.find(path); seen != observed_.end())
    return seen->second;
  if (!object.this_reader.empty()) {
    return "the method " + Ticked(object.this_reader) +
           " of the same object reads its fields through `this`";
  }
  if (std::string proto = PrototypeMember(object); !proto.empty()) {
    return "the object's prototype, " + Ticked(proto) +
           ", may see its fields (an inherited setter, getter or toJSON)";
  }
  if (!m.value_effect().empty()) {
    return "the value of " + Ticked(m.key) + " has an effect (" +
           m.value_effect() + ")";
  }
  // `set amount(v) {...}`: code that other code runs (`p.amount = 3`
  // after the call); a getter is judged by its body (value_effect).
  if (m.kind == Member::Kind::kMethod && IsSetter(m.range.In(text_))) {
    return Ticked(m.key) + " is a setter, which a later write such as " +
           Ticked("payload." + m.key + " = ...") + " runs";
  }
  if (std::string before = OpaqueMemberBefore(object, i); !before.empty()) {
    return Ticked(m.key) + " overrides " + before +
           " before it, which may hold one: removed, that value would be "
           "sent instead";
  }
  return "";
}

// `__proto__: base` written in the literal (not computed, not shorthand):
// it sets the object's prototype, whose accessors and methods then run on
// the object's fields. "" when there is none.
std::string LiteralPlanner::PrototypeMember(const ObjectLiteral& object) const {
  for (const Member& m : object.members) {
    if (m.key == "__proto__" && m.kind == Member::Kind::kPair)
      return std::string(m.range.In(text_));
  }
  return "";
}

}  // namespace psm::literal_planner_detail
