// LiteralPlanner (literal_planner_class.h): the statements that write
// removed fields after the literal, and the sessionId member to add.

#include "edit/literal_planner_class.h"

namespace psm::literal_planner_detail {

void LiteralPlanner::CheckMutations(const MethodRule& rule) {
  std::vector<const PayloadMutation*> relevant = mutations_.Relevant(rule);
  for (const PayloadMutation* m : relevant) {
    // A write of fields the tool cannot name (`Object.assign(payload,
    // extra)`, `payload[key] = ...`) may set `type` too.
    if (m->path.empty() || Touches(m->path, "type")) {
      if (type_in_doubt_.empty())
        type_in_doubt_ =
            Where(*m) + (m->path.empty() ? " may set any field, the payment "
                                           "type included, before the call"
                                         : " may change the payment type "
                                           "before the call");
      break;
    }
  }
  // So may a spread or computed key after the literal's `type`.
  for (const ObjectLiteral* part : parts_) {
    bool typed = false;
    for (const Member& member : part->members) {
      typed = typed ||
              (member.key == "type" && member.kind != Member::Kind::kSpread);
      bool opaque = member.MayCarry("type");
      if (typed && opaque && type_in_doubt_.empty())
        type_in_doubt_ = Ticked(member.range.In(text_)) +
                         " after `type` may change the payment type";
    }
  }
  for (const PayloadMutation* m : relevant) {
    if (m->path.empty()) {
      // Said once: as what may set the type, when it is what does.
      if (type_in_doubt_.find(Where(*m)) != 0)
        Blind(Where(*m) +
              " changes the payload; the tool cannot tell which fields");
    } else if (m->path == kSessionId) {
      session_id_set_later_ = true;
      if (m->may_empty && !m->after_call && session_id_emptied_.empty())
        session_id_emptied_ = Where(*m);
      if (m->always_before_call) {
        session_id_always_set_ = true;
      } else if (session_id_set_at_times_.empty()) {
        session_id_set_at_times_ = Where(*m);
      }
    } else if (type_in_doubt_.empty()) {
      CheckMutation(*m, rule);  // removes nothing when the type may change
    }
  }
}

std::string LiteralPlanner::Where(const PayloadMutation& m) const {
  return Ticked(m.what.substr(1, m.what.size() - 2)) + " (line " +
         std::to_string(text::LineAt(text_, m.statement.begin)) + ")";
}

void LiteralPlanner::CheckMutation(const PayloadMutation& m,
                                   const MethodRule& rule) {
  for (const std::string& removed : rule.remove) {
    if (!Touches(m.path, removed)) continue;
    if (auto seen = observed_.find(removed); seen != observed_.end()) {
      Keep(removed, seen->second);
      return;
    }
    bool sets_parent = m.path.size() < removed.size();
    if (sets_parent) {
      Blind(Where(m) + " sets " + Ticked(m.path) +
            ", which may carry fields payment sessions "
            "no longer accept (" +
            Ticked(removed) + "); check that object");
      return;
    }
    // `set amount(v)` in the literal (or a prototype, or a value with an
    // effect) keeps the field, and with it the writes that run that code.
    if (std::string why = KeptInLiteral(removed); !why.empty()) {
      Keep(removed, why);
      return;
    }
    if (!DeleteStatement(m, removed)) {
      kept_.insert(removed);
      Blind(Where(m) + " sets " + Ticked(m.path) +
            ", which payment sessions no longer "
            "accept; " +
            Ticked(removed) +
            " was kept so the code still runs: remove both "
            "by hand");
    }
    return;
  }
}

std::string LiteralPlanner::KeptInLiteral(const std::string& path) const {
  std::vector<const ObjectLiteral*> level(parts_.begin(), parts_.end());
  for (size_t start = 0; !level.empty();) {
    size_t dot = path.find('.', start);
    std::string_view key = std::string_view(path).substr(
        start, dot == std::string::npos ? std::string_view::npos : dot - start);
    std::vector<const ObjectLiteral*> next;
    for (const ObjectLiteral* object : level) {
      for (size_t i = 0; i < object->members.size(); ++i) {
        const Member& m = object->members[i];
        if (m.key != key || m.kind == Member::Kind::kSpread) continue;
        if (dot == std::string::npos) {
          if (std::string why = WhyKept(*object, i, path); !why.empty())
            return why;
        } else if (m.object) {
          next.push_back(m.object.get());
        }
      }
    }
    if (dot == std::string::npos) break;
    level.swap(next);
    start = dot + 1;
  }
  return "";
}

bool LiteralPlanner::DeleteStatement(const PayloadMutation& m,
                                     const std::string& removed) {
  bool inside = m.path == removed ||
                (m.path.size() > removed.size() &&
                 m.path.starts_with(removed) && m.path[removed.size()] == '.');
  uint32_t next_line = 0;
  // With several literals reaching the call (if/else branches), the
  // statement also writes objects of other methods: a card branch keeps
  // what a konbini branch drops.
  if (inside && m.deletable && ReachedBySeveralLiterals()) {
    Keep(removed, Ticked(m.what.substr(1, m.what.size() - 2)) +
                      " also writes the other objects that can reach this "
                      "call, which may be of another payment method");
    return true;
  }
  if (!inside || !m.deletable ||
      !text::OnlyBlanksBefore(text_, m.statement.begin) ||
      !text::OnlyTriviaAfter(text_, m.statement.end, &next_line)) {
    return false;
  }
  if (statement_edits_.Add(
          {{text::LineStart(text_, m.statement.begin), next_line}, ""})) {
    return false;
  }
  plan_.ledger.push_back({m.path, m.statement, m.statement});
  if (std::find(plan_.removed.begin(), plan_.removed.end(), removed) ==
      plan_.removed.end()) {
    plan_.removed.push_back(removed);
  }
  return true;
}

bool LiteralPlanner::SessionIdIsNoValue() const {
  const Member* existing = FindAcross(kSessionId);
  return existing && IsNoValue(existing->value_range.In(text_));
}

std::string LiteralPlanner::SessionIdOnSomePaths() const {
  const std::string tail =
      ": on the other paths the call would get neither a session id nor the "
      "fields payment sessions drop. Give every path the session (or keep "
      "the legacy payload apart from the session one), then run again";
  if (!session_id_emptied_.empty())
    return session_id_emptied_ + " may leave sessionId empty" + tail;
  if (const Member* existing = FindAcross(kSessionId)) {
    std::string_view value = existing->value_range.In(text_);
    if (IsNoValue(value))
      return "sessionId is " + Ticked(value) +
             ", not a session id: the call would get neither a session id "
             "nor the fields payment sessions drop. Set it to the "
             "checkout's payment.session.id, then run again";
    if (existing->empty_at_times().empty()) return "";
    return "sessionId from " + Ticked(existing->empty_at_times()) +
           " is empty on some paths" + tail;
  }
  if (session_id_always_set_ || session_id_set_at_times_.empty()) return "";
  return session_id_set_at_times_ + " sets sessionId only on some paths" +
         tail;
}

void LiteralPlanner::ReviewUnknownMethodWithoutSession() {
  // Only one payload the file shows whole: anything that may hand it on
  // or change it (a helper it is handed to, a doubt about the receiver, a
  // builder elsewhere, another literal) may also give it a sessionId.
  if (plan_.status != SiteStatus::kUnknownMethod || plan_.method.empty() ||
      !site_.digital_river_receiver || site_.payloads.size() != 1 ||
      !site_.blind_spots.empty() || !site_.requests.empty() ||
      site_.server_read || site_.given_type || !site_.users.empty())
    return;
  for (const PayloadObserver& o : site_.observers) {
    if (o.path.empty() || o.path == kSessionId) return;
  }
  for (const ObjectLiteral* part : parts_) {
    for (const Member& m : part->members) {
      bool covered = m.kind == Member::Kind::kSpread && !m.covered().empty();
      if (covered || m.MayCarry(kSessionId)) return;  // may bring one
    }
  }
  for (const PayloadMutation& m : site_.mutations) {
    if (m.path.empty() || m.path == kSessionId) return;  // may set one
  }
  std::string why;
  if (const Member* existing = FindAcross(kSessionId)) {
    std::string_view value = existing->value_range.In(text_);
    if (IsNoValue(value) || !existing->empty_at_times().empty()) {
      why = "its sessionId is " + Ticked(value) + ", not a session id" +
            (IsNoValue(value) ? "" : " on every path");
    } else if (HoldsPlaceholder(*existing)) {
      why = "its sessionId is still the placeholder";
    } else {
      return;
    }
  } else {
    why = "it has no sessionId";
  }
  plan_.status = SiteStatus::kNeedsReview;
  plan_.reasons = {
      "type " + Ticked(plan_.method) +
      " is not a payment method in the rule table, but the call is "
      "DigitalRiver.js's (its receiver is made by DigitalRiver here) and " +
      why +
      ", which payment sessions want in every method's payload: set it to "
      "the checkout's payment.session.id by hand and remove what "
      "DigitalRiver.js's page for the method says, or add the method to a "
      "rules file given with --rules"};
}

void LiteralPlanner::PlanSessionId(const MethodRule& rule) {
  const Member* existing = FindAcross(kSessionId);
  if (existing && IsNoValue(existing->value_range.In(text_))) {
    Blind("sessionId is " + Ticked(existing->value_range.In(text_)) +
          ", not a session id; set it to the checkout's "
          "payment.session.id");
    return;
  }
  if (existing) {
    bool placeholder = HoldsPlaceholder(*existing);
    if (!placeholder) return;
    // A run with --session-id fills in the placeholder an earlier run left.
    if (!options_.session_id.empty() && existing->kind == Member::Kind::kPair &&
        !statement_edits_.Add({existing->value_range, options_.session_id})) {
      plan_.session_at.push_back(existing->value_range.begin);
      return;
    }
    Blind(
        "sessionId is still the placeholder; set it to the checkout's "
        "payment.session.id (or run with " +
        options_.session_id_flag + ")");
    return;
  }
  if (!rule.add_session_id || session_id_set_later_ ||
      options_.session_id_elsewhere) {
    return;
  }
  if (SpreadBringsSession()) return;
  // `Object.assign(base, {...})`, `array_merge($base, [...])` with what
  // the tool cannot see: it may hold the checkout's session already.
  // A placeholder added there would replace it with a TODO (a real
  // expression gives the same session).
  const std::vector<std::string>& merged = site_.merged_unseen;
  if (!merged.empty() && options_.session_id.empty()) {
    Blind(merged.front() +
          " is merged into the payload and may already carry sessionId "
          "(the checkout's session), which a placeholder would replace: "
          "add it by hand if it does not, or run with " +
          options_.session_id_flag);
    return;
  }
  if (std::string carrier = MemberMayCarrySession(); !carrier.empty()) {
    Blind(carrier +
          " may already carry sessionId (the checkout's session), which an "
          "added one would replace or duplicate: add it by hand if it does "
          "not");
    return;
  }
  if (!session_id_observed_.empty()) {
    Blind(session_id_observed_ +
          "; adding sessionId would change what it sees: add it by hand");
    return;
  }
  NewMember member;
  member.key = std::string(kSessionId);
  member.value =
      options_.session_id.empty() ? Placeholder() : options_.session_id;
  const Member* type = object_.Find("type");
  if (type) member.after = static_cast<size_t>(type - object_.members.data());
  new_member_ = std::move(member);
  plan_.added_session_id = true;
  if (!options_.session_id.empty())
    plan_.session_at.push_back(object_.range.begin);
  if (options_.session_id.empty()) {
    plan_.reasons.push_back(
        "sessionId is a placeholder; set it to the checkout's "
        "payment.session.id (or run with " +
        options_.session_id_flag + ")");
  }
}

// A spread the tool cannot see into (`{...common, type: 'creditCard'}`
// with `common` a parameter, or an object holding `sessionId`) or a computed
// key may bring the payload its session already: finished code, which an
// added `sessionId` would override (with the placeholder, even) and which
// --check must not report as still to migrate. "" when none may.
std::string LiteralPlanner::MemberMayCarrySession() const {
  // In the object that gets the new member, only what comes before it (up
  // to `type`, or all of it) is overridden; a later spread's sessionId
  // would win over the added one.
  const Member* type = object_.Find("type");
  for (const ObjectLiteral* part : parts_) {
    for (const Member& m : part->members) {
      if (part == &object_ && type && &m > type) break;
      if (!m.MayCarry(kSessionId)) continue;
      if (m.kind == Member::Kind::kSpread) return Ticked(m.range.In(text_));
      return "the computed key " + Ticked(m.key_range.In(text_));
    }
  }
  return "";
}

// `{ ...common, type: 'creditCard' }` with `common = { sessionId:
// checkout.payment.session.id, owner }` (a closed object, see
// find/closed_spread.h): the payload has its session, and no later member
// may take it away.
bool LiteralPlanner::SpreadBringsSession() const {
  bool brings = false;
  for (const ObjectLiteral* part : parts_) {
    for (const Member& m : part->members) {
      if (m.SurelyCarries(kSessionId)) {
        brings = true;
      } else if (brings && m.MayCarry(kSessionId)) {
        return false;
      }
    }
  }
  return brings;
}

std::string LiteralPlanner::Placeholder() const {
  char quote = '"';
  if (const Member* type = object_.Find("type")) {
    char first = text_[type->value_range.begin];
    if (first == '\'' || first == '"' || first == '`') quote = first;
  }
  constexpr std::string_view kRest = ": checkout.payment.session.id";
  std::string value;  // built in place: one allocation per site
  value.reserve(kPlaceholderMarker.size() + kRest.size() + 2);
  value += quote;
  value += kPlaceholderMarker;
  value += kRest;
  value += quote;
  return value;
}

bool LiteralPlanner::HoldsPlaceholder(const Member& member) const {
  return member.range.In(text_).find(kPlaceholderMarker) !=
         std::string_view::npos;
}

bool LiteralPlanner::IsNoValue(std::string_view value) {
  return value == "null" || value == "NULL" || value == "Null" ||
         value == "undefined" || value == "''" || value == "\"\"" ||
         value == "``" || value == "void 0";
}

}  // namespace psm::literal_planner_detail
