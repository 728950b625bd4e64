// Which payment method a payload literal is of (LiteralPlanner::Method):
// its `type`, the one passed beside it, or the one its method object
// names, and what to say when none can be told.

#include <algorithm>
#include <array>

#include "edit/literal_planner_class.h"

namespace psm::literal_planner_detail {

std::vector<std::string> LiteralPlanner::Candidates() const {
  std::vector<std::string> found;
  for (const ObjectLiteral* part : parts_) {
    for (const Member& m : part->members) {
      if (rules_.Find(m.key) && m.kind != Member::Kind::kMethod &&
          std::find(found.begin(), found.end(), m.key) == found.end()) {
        found.push_back(m.key);
      }
    }
  }
  return found;
}

// A payload with no `type` whose every key is plain and none a field of
// DigitalRiver.js payloads (a payment method's object, a field some rule
// removes, or one every source takes) is another API's (`{ settings,
// payload }` for a server client): returns its keys, backquoted. Empty when
// some key may be DigitalRiver.js's, or cannot be read (a spread, a
// computed key), or the payload is written to, handed on or aliased.
std::string LiteralPlanner::ForeignKeys() const {
  static constexpr std::array<std::string_view, 7> kSourceFields = {
      "type",     "sessionId",  "owner",  "reusable",
      "metadata", "upstreamId", "mandate"};
  // Anything else that sees the payload (a helper it is handed to, an
  // alias) may give it its type. A receiver in doubt (made by a class or
  // module the tool cannot read) says the same as the keys: not
  // DigitalRiver.js, likely.
  bool seen =
      std::any_of(site_.observers.begin(), site_.observers.end(),
                  [](const PayloadObserver& o) { return !o.doubts_receiver; });
  if (!site_.mutations.empty() || seen || !site_.blind_spots.empty() ||
      parts_.empty())
    return "";
  std::string keys;
  for (const ObjectLiteral* part : parts_) {
    for (const Member& m : part->members) {
      if (m.kind == Member::Kind::kSpread || m.kind == Member::Kind::kComputed)
        return "";
      if (rules_.Find(m.key) ||
          std::find(kSourceFields.begin(), kSourceFields.end(), m.key) !=
              kSourceFields.end())
        return "";
      for (const auto& [method, rule] : rules_.methods()) {
        for (const std::string& path : rule.remove) {
          bool under = path.size() > m.key.size() &&
                       path[m.key.size()] == '.' && path.starts_with(m.key);
          if (path == m.key || under) return "";
        }
      }
      if (!keys.empty()) keys += ", ";
      keys += Ticked(m.key);
    }
  }
  return keys;
}

const MethodRule* LiteralPlanner::Method() {
  if (!options_.forced_method.empty()) return ForcedMethod();
  const Member* type = FindAcross("type");
  if (const GivenType* given = site_.given_type ? &*site_.given_type : nullptr;
      given && type && given->value && !given->binds.empty() &&
      type->value_range.In(text_) == given->binds) {
    plan_.reasons.push_back("type is " + Ticked(given->binds) + ", passed as " +
                            Ticked(given->what));
    return KnownMethod(*given->value);
  }
  if (site_.given_type && !AgreesWithGivenType(type)) return nullptr;
  std::optional<std::string> given =
      site_.given_type ? site_.given_type->value : std::nullopt;
  if (!type && given) {
    plan_.reasons.push_back("the type is passed beside the payload (" +
                            Ticked(site_.given_type->what) + ")");
    return KnownMethod(*given);
  }
  if (type && type->string_value) return KnownMethod(*type->string_value);
  std::string what = type ? "type is " + Ticked(type->value_range.In(text_)) +
                                ", not a string literal"
                     : site_.given_type
                         ? "the type passed beside the payload is " +
                               Ticked(site_.given_type->what) +
                               ", not a string literal"
                         : "the payload has no type" + SpreadMayCarryType();
  std::vector<std::string> candidates = Candidates();
  if (candidates.size() == 1) {
    plan_.reasons.push_back(what + "; inferred " + Ticked(candidates[0]) +
                            " from its " + Ticked(candidates[0]) + " object");
    // A type written as an expression (`isCard ? 'creditCard' : 'konbini'`,
    // a variable) may name another method at run time.
    if (type || site_.given_type)
      type_in_doubt_ = "the type may name another method at run time";
    return rules_.Find(candidates[0]);
  }
  std::string listed;
  for (const std::string& c : candidates)
    listed += (listed.empty() ? "" : ", ") + c;
  if (std::string keys = type || site_.given_type ? "" : ForeignKeys();
      !keys.empty()) {
    plan_.status = SiteStatus::kUnknownMethod;
    plan_.reasons.push_back(
        "the payload has no type, and none of its fields (" + keys +
        ") is one a DigitalRiver.js payload has: another API's createSource, "
        "likely; left unchanged");
    return nullptr;
  }
  plan_.status = SiteStatus::kNeedsReview;
  method_untold_ = true;
  plan_.reasons.push_back(what +
                          (candidates.empty()
                               ? "; the tool cannot tell the payment method"
                               : "; it could be any of " + listed) +
                          "; left unchanged");
  return nullptr;
}

const MethodRule* LiteralPlanner::ForcedMethod() {
  return KnownMethod(options_.forced_method);
}

const MethodRule* LiteralPlanner::KnownMethod(const std::string& type) {
  if (const MethodRule* rule = rules_.Find(type)) return rule;
  plan_.status = SiteStatus::kUnknownMethod;
  plan_.method = type;
  plan_.reasons.push_back("type " + Ticked(type) +
                          " is not a payment method in the rule table; "
                          "left unchanged");
  return nullptr;
}

bool LiteralPlanner::AgreesWithGivenType(const Member* type) {
  const GivenType& given = *site_.given_type;
  if (!type || (given.value && type->string_value &&
                *given.value == *type->string_value)) {
    return true;
  }
  plan_.status = SiteStatus::kNeedsReview;
  plan_.reasons.push_back(
      "the payload's type " + Ticked(type->value_range.In(text_)) +
      " and the type passed beside it, " + Ticked(given.what) +
      ", are not the same string; left unchanged");
  return false;
}

// For a payload without a `type` of its own: where it may come from (`{
// ...payload, sessionId }` carries the type, and every other field, of
// `payload`, which the tool does not follow into).
std::string LiteralPlanner::SpreadMayCarryType() const {
  for (const ObjectLiteral* part : parts_) {
    for (const Member& m : part->members) {
      if (m.kind == Member::Kind::kSpread &&
          (!m.covered().empty() || m.MayCarry("type")))
        return " of its own (" + Ticked(m.range.In(text_)) +
               " may carry it, and the fields payment sessions no longer "
               "accept: migrate the object it spreads)";
    }
  }
  return "";
}

}  // namespace psm::literal_planner_detail
