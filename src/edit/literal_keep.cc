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

// Whether a field that some method's rule removes is, or may be, in the
// payload (its own member, a spread or computed key that may bring it, a
// nested object the tool cannot see into, a write the tool cannot place).
// When none is, a type in doubt (`type: isPaypal ? 'payPal' :
// 'creditCard'`) does not matter: no method would remove anything, and
// every one wants the sessionId. Finished code must pass --check.
namespace {

// Whether the write `m` (before the call) may put `removed` into the
// payload: a write of it or inside it, or of an object above it whose
// keys are unknown or hold its next part (`payload.payPal = { returnUrl }`
// puts no `payPal.items`).
bool MayWrite(const PayloadMutation& m, const std::string& removed) {
  const std::string& path = m.path;
  if (path == removed || path.starts_with(removed + ".")) return true;
  if (!removed.starts_with(path + ".")) return false;  // elsewhere
  if (m.written_keys.empty()) return true;
  std::string_view rest = std::string_view(removed).substr(path.size() + 1);
  std::string_view next = rest.substr(0, rest.find('.'));
  return m.written_keys.find("\n" + std::string(next) + "\n") !=
         std::string::npos;
}

}  // namespace

bool LiteralPlanner::AnyRuleFieldMayBePresent() const {
  for (const PayloadMutation& m : site_.mutations) {
    if (m.after_call || m.path == kSessionId) continue;
    // A write the tool cannot place, or of the method itself.
    if (m.path.empty() || m.path == "type") return true;
    for (const auto& [method, rule] : rules_.methods()) {
      for (const std::string& path : rule.remove) {
        if (MayWrite(m, path)) return true;
      }
    }
  }
  for (const auto& [method, rule] : rules_.methods()) {
    for (const std::string& path : rule.remove) {
      if (PathMayBePresent(path)) return true;
    }
  }
  return false;
}

// A payload whose method the tool cannot tell (`type: method`) that has a
// session id on every path and none of the fields any method's rule
// removes: finished whatever the method, so --check must pass it.
bool LiteralPlanner::FinishedWhateverTheMethod() const {
  const Member* session = FindAcross(kSessionId);
  if (!session || (session->kind != Member::Kind::kPair &&
                   session->kind != Member::Kind::kShorthand))
    return false;
  if (IsNoValue(session->value_range.In(text_)) || HoldsPlaceholder(*session) ||
      !session->empty_at_times().empty() || !SessionIdOnSomePaths().empty())
    return false;
  for (const PayloadObserver& o : site_.observers) {
    if (o.path.empty() || o.path == kSessionId) return false;
  }
  return MemberMayCarrySession().empty() && !AnyRuleFieldMayBePresent();
}

bool LiteralPlanner::PathMayBePresent(const std::string& path) const {
  std::vector<const ObjectLiteral*> level(parts_.begin(), parts_.end());
  for (size_t start = 0; !level.empty();) {
    size_t dot = path.find('.', start);
    bool final_part = dot == std::string::npos;
    std::string_view key = std::string_view(path).substr(
        start, final_part ? std::string_view::npos : dot - start);
    std::vector<const ObjectLiteral*> next;
    for (const ObjectLiteral* object : level) {
      for (const Member& m : object->members) {
        if (m.MayCarry(key)) return true;
        if (m.key != key || m.kind == Member::Kind::kSpread) continue;
        if (final_part || !m.object) return true;
        next.push_back(m.object.get());
      }
    }
    if (final_part) return false;
    level.swap(next);
    start = dot + 1;
  }
  return false;
}

}  // namespace psm::literal_planner_detail
