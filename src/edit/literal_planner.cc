#include "edit/literal_planner.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "common/strings.h"
#include "common/text_lines.h"
#include "edit/mutation_index.h"
#include "edit/object_editor.h"

namespace psm {
namespace {

constexpr std::string_view kSessionId = "sessionId";

std::string Ticked(std::string_view s) { return "`" + std::string(s) + "`"; }

// True when setting `set` can put `removed` (or something under it) back.
bool Touches(std::string_view set, std::string_view removed) {
  auto under = [](std::string_view a, std::string_view b) {
    return a.size() > b.size() && a.starts_with(b) && a[b.size()] == '.';
  };
  return set == removed || under(set, removed) || under(removed, set);
}

// Plans one payload literal against the rule for its method.
class LiteralPlanner {
 public:
  // `parts` are the literals that make one payload: usually one, several
  // when they are merged (`Object.assign`). The part holding `type` (else the
  // first) is the anchor that gains `sessionId`.
  LiteralPlanner(std::vector<const ObjectLiteral*> parts, const CallSite& site,
                 const MutationIndex& mutations, std::string_view text,
                 const RuleTable& rules, const PlanOptions& options)
      : parts_(std::move(parts)),
        object_(*Anchor(parts_)),
        site_(site),
        mutations_(mutations),
        text_(text),
        rules_(rules),
        options_(options) {}

  SitePlan Plan() {
    for (const ObjectLiteral* part : parts_) {
      if (part->has_error) {
        return Review(
            "the payload contains a syntax error (or template code the tool "
            "cannot "
            "parse around); migrate it by hand");
      }
    }
    const MethodRule* rule = Method();
    if (!rule) return std::move(plan_);
    plan_.method = rule->type;
    if (const PayloadObserver* all = WholeObjectObserver()) {
      return Review(all->what +
                    "; it can see every field, so removing or adding one "
                    "would change what it sees: migrate by hand");
    }
    NoteObservedPaths(*rule);
    CheckMutations(*rule);
    for (const std::string& path : rule->remove) {
      if (!kept_.contains(path)) CollectRemovals(path);
    }
    ReportOpaqueParents();
    ReportKept();
    PlanSessionId(*rule);
    if (!BuildEdits())
      return Review("internal error: conflicting edits; nothing changed");
    Decide();
    return std::move(plan_);
  }

 private:
  SitePlan Review(std::string reason) {
    plan_.status = SiteStatus::kNeedsReview;
    plan_.reasons.push_back(std::move(reason));
    plan_.edits = EditSet();
    plan_.ledger.clear();
    plan_.removed.clear();
    plan_.added_session_id = false;
    return std::move(plan_);
  }

  const PayloadObserver* WholeObjectObserver() const {
    for (const PayloadObserver& o : site_.observers) {
      if (o.path.empty()) return &o;
    }
    return nullptr;
  }

  // A removed path that other code reads (or can reach through an escaped
  // part of the payload) stays: removing it would change what that code
  // sees. The first such observer is the reason.
  void NoteObservedPaths(const MethodRule& rule) {
    for (const std::string& path : rule.remove) {
      for (const PayloadObserver& o : site_.observers) {
        if (!Touches(o.path, path)) continue;
        observed_.emplace(path, o.what);
        // Code holding `payload.payPal` can also add `payPal.items` the
        // literal does not have: the field cannot be shown gone.
        if (o.path.size() < path.size()) Keep(path, o.what);
        break;
      }
    }
    for (const PayloadObserver& o : site_.observers) {
      if (Touches(o.path, kSessionId)) {
        session_id_observed_ = o.what;
        break;
      }
    }
  }

  // The member (or statement) for `path` cannot go, because of `why`.
  void Keep(const std::string& path, const std::string& why) {
    kept_.insert(path);
    std::vector<std::string>& paths = kept_for_[why];
    if (std::find(paths.begin(), paths.end(), path) == paths.end())
      paths.push_back(path);
  }

  // One reason per cause, naming every field it kept.
  void ReportKept() {
    for (const auto& [why, paths] : kept_for_) {
      std::string list;
      for (const std::string& p : paths)
        list += (list.empty() ? "" : ", ") + Ticked(p);
      Blind(why + "; kept " + list +
            ", which payment sessions no longer accept: remove " +
            (paths.size() > 1 ? "them" : "it") +
            " by hand once nothing else needs " +
            (paths.size() > 1 ? "them" : "it"));
    }
  }

  void Blind(std::string reason) {
    if (std::find(blind_.begin(), blind_.end(), reason) == blind_.end()) {
      blind_.push_back(std::move(reason));
    }
  }

  // Method sub-objects present in the payload, e.g. `klarnaCredit: {...}`.
  std::vector<std::string> Candidates() const {
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

  const MethodRule* Method() {
    if (!options_.forced_method.empty()) return ForcedMethod();
    const Member* type = FindAcross("type");
    if (const GivenType* given =
            site_.given_type ? &*site_.given_type : nullptr;
        given && type && given->value && !given->binds.empty() &&
        type->value_range.In(text_) == given->binds) {
      plan_.reasons.push_back("type is " + Ticked(given->binds) +
                              ", passed as " +
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
                           : "the payload has no type";
    std::vector<std::string> candidates = Candidates();
    if (candidates.size() == 1) {
      plan_.reasons.push_back(what + "; inferred " + Ticked(candidates[0]) +
                              " from its " + Ticked(candidates[0]) + " object");
      return rules_.Find(candidates[0]);
    }
    std::string listed;
    for (const std::string& c : candidates)
      listed += (listed.empty() ? "" : ", ") + c;
    plan_.status = SiteStatus::kNeedsReview;
    plan_.reasons.push_back(what +
                            (candidates.empty()
                                 ? "; the tool cannot tell the payment method"
                                 : "; it could be any of " + listed) +
                            "; left unchanged");
    return nullptr;
  }

  // The method a class sharing this object gives it (see PlanOptions).
  const MethodRule* ForcedMethod() {
    return KnownMethod(options_.forced_method);
  }

  const MethodRule* KnownMethod(const std::string& type) {
    if (const MethodRule* rule = rules_.Find(type)) return rule;
    plan_.status = SiteStatus::kUnknownMethod;
    plan_.method = type;
    plan_.reasons.push_back("type " + Ticked(type) +
                            " is not a payment method in the rule table; "
                            "left unchanged");
    return nullptr;
  }

  // A type given beside the payload (GivenType) and the payload's own
  // `type` must both be one string: which one wins depends on the order
  // the wrapper spreads them in.
  bool AgreesWithGivenType(const Member* type) {
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

  // Finds the members `path` names, in this literal and the nested literals
  // it leads to; notes values the tool cannot see into.
  void CollectRemovals(const std::string& path) {
    std::vector<std::string_view> parts = SplitOn(path, '.');
    std::vector<const ObjectLiteral*> level = parts_;
    for (size_t depth = 0; depth < parts.size(); ++depth) {
      bool final_part = depth + 1 == parts.size();
      std::vector<const ObjectLiteral*> next;
      for (const ObjectLiteral* object : level) {
        NoteOpaqueMembers(*object, parts[depth]);
        for (size_t i = 0; i < object->members.size(); ++i) {
          const Member& m = object->members[i];
          if (m.key != parts[depth] || m.kind == Member::Kind::kSpread)
            continue;
          if (final_part) {
            if (auto seen = observed_.find(path); seen != observed_.end()) {
              Keep(path, seen->second);
              continue;
            }
            if (!m.value_effect.empty()) {
              Keep(path, "the value of " + Ticked(m.key) + " has an effect (" +
                             m.value_effect + ")");
              continue;
            }
            AddRemoval(object, i, path);
            plan_.ledger.push_back({path, m.range, m.value_range});
          } else if (m.object) {
            next.push_back(m.object.get());
          } else if (!m.string_value) {
            std::string key =
                Ticked(m.key) + " is " + Ticked(m.value_range.In(text_));
            std::string rest = path.substr(path.find('.') + 1);
            auto& fields = opaque_parents_[key];
            if (std::find(fields.begin(), fields.end(), rest) == fields.end()) {
              fields.push_back(rest);
            }
          }
        }
      }
      level = std::move(next);
    }
  }

  // One reason per value the tool cannot see into, naming every field that
  // might still hide there.
  void ReportOpaqueParents() {
    for (const auto& [what, fields] : opaque_parents_) {
      std::string list;
      for (const std::string& f : fields)
        list += (list.empty() ? "" : ", ") + f;
      Blind(
          what +
          ", which the tool cannot see into; make sure it no longer carries " +
          list);
    }
  }

  void NoteOpaqueMembers(const ObjectLiteral& object, std::string_view key) {
    for (const Member& m : object.members) {
      bool opaque = (m.kind == Member::Kind::kSpread && m.covered.empty()) ||
                    (m.kind == Member::Kind::kComputed && m.key.empty());
      if (opaque) {
        Blind(Ticked(m.range.In(text_)) + " may carry " + Ticked(key) +
              " or other fields payment sessions no longer accept");
      }
    }
  }

  void AddRemoval(const ObjectLiteral* object, size_t index,
                  const std::string& path) {
    std::vector<size_t>& indices = removals_[object];
    if (std::find(indices.begin(), indices.end(), index) == indices.end()) {
      indices.push_back(index);
    }
    if (std::find(plan_.removed.begin(), plan_.removed.end(), path) ==
        plan_.removed.end()) {
      plan_.removed.push_back(path);
    }
  }

  // Only the writes that can matter to `rule` (after-call ones are left
  // out): looking at every write for every literal was quadratic.
  void CheckMutations(const MethodRule& rule) {
    for (const PayloadMutation* m : mutations_.Relevant(rule)) {
      if (m->path.empty()) {
        Blind(Where(*m) +
              " changes the payload; the tool cannot tell which fields");
      } else if (m->path == kSessionId) {
        session_id_set_later_ = true;
      } else if (Touches(m->path, "type")) {
        Blind(Where(*m) + " changes the payment type");
      } else {
        CheckMutation(*m, rule);
      }
    }
  }

  // Counts lines from the start: only for the few writes that get a reason.
  std::string Where(const PayloadMutation& m) const {
    return Ticked(m.what.substr(1, m.what.size() - 2)) + " (line " +
           std::to_string(text::LineAt(text_, m.statement.begin)) + ")";
  }

  // A statement that writes at or around a removed path: deleted when it
  // only sets that field; otherwise the field stays in the literal (later
  // code may still use it, e.g. `items.push(...)`) and a person decides.
  void CheckMutation(const PayloadMutation& m, const MethodRule& rule) {
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

  // Deletes `payload.amount = total;` with its line, when it sets a removed
  // field (or something inside one) and nothing else.
  bool DeleteStatement(const PayloadMutation& m, const std::string& removed) {
    bool inside = m.path == removed || (m.path.size() > removed.size() &&
                                        m.path.starts_with(removed) &&
                                        m.path[removed.size()] == '.');
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

  void PlanSessionId(const MethodRule& rule) {
    const Member* existing = FindAcross(kSessionId);
    if (existing && IsNoValue(existing->value_range.In(text_))) {
      Blind("sessionId is " + Ticked(existing->value_range.In(text_)) +
            ", not a session id; set it to the checkout's "
            "payment.session.id");
      return;
    }
    if (existing) {
      bool placeholder = existing->range.In(text_).find(kPlaceholderMarker) !=
                         std::string_view::npos;
      if (!placeholder) return;
      // A run with --session-id fills in the placeholder an earlier run left.
      if (!options_.session_id.empty() &&
          existing->kind == Member::Kind::kPair &&
          !statement_edits_.Add({existing->value_range, options_.session_id})) {
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
    new_member_ = member;
    plan_.added_session_id = true;
    if (options_.session_id.empty()) {
      plan_.reasons.push_back(
          "sessionId is a placeholder; set it to the checkout's "
          "payment.session.id (or run with " +
          options_.session_id_flag + ")");
    }
  }

  std::string Placeholder() const {
    char quote = '"';
    if (const Member* type = object_.Find("type")) {
      char first = text_[type->value_range.begin];
      if (first == '\'' || first == '"' || first == '`') quote = first;
    }
    return quote + std::string(kPlaceholderMarker) +
           ": checkout.payment.session.id" + quote;
  }

  bool BuildEdits() {
    if (new_member_) removals_[&object_];  // the top level gets the insertion
    for (auto& [object, indices] : removals_) {
      std::sort(indices.begin(), indices.end());
      std::optional<NewMember> add;
      if (object == &object_) add = new_member_;
      std::optional<EditSet> edits = EditObject(text_, *object, indices, add);
      if (!edits || plan_.edits.AddAll(*edits)) return false;
    }
    return !plan_.edits.AddAll(statement_edits_);
  }

  void Decide() {
    for (std::string& reason : blind_)
      plan_.reasons.push_back(std::move(reason));
    if (!blind_.empty()) {
      plan_.status = SiteStatus::kNeedsReview;
    } else if (plan_.edits.empty()) {
      plan_.status = SiteStatus::kAlreadyMigrated;
    } else {
      plan_.status = SiteStatus::kMigrated;
    }
  }

  bool ReachedBySeveralLiterals() const {
    std::set<int> groups;
    size_t lone = 0;
    for (const PayloadLiteral& p : site_.payloads) {
      if (p.group < 0) {
        ++lone;
      } else {
        groups.insert(p.group);
      }
    }
    return lone + groups.size() > 1;
  }

  // Values that carry no session: `null`, `undefined`, an empty string.
  static bool IsNoValue(std::string_view value) {
    return value == "null" || value == "NULL" || value == "Null" ||
           value == "undefined" || value == "''" || value == "\"\"" ||
           value == "``" || value == "void 0";
  }

  static const ObjectLiteral* Anchor(
      const std::vector<const ObjectLiteral*>& parts) {
    // Merged parts apply in order: the last `type` is the one sent.
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      if ((*it)->Find("type")) return *it;
    }
    return parts.front();
  }

  // The member named `key` that wins: merged parts apply in order, so the
  // last part holding it.
  const Member* FindAcross(std::string_view key) const {
    for (auto it = parts_.rbegin(); it != parts_.rend(); ++it) {
      if (const Member* m = (*it)->Find(key)) return m;
    }
    return nullptr;
  }

  std::vector<const ObjectLiteral*> parts_;
  const ObjectLiteral& object_;
  const CallSite& site_;
  const MutationIndex& mutations_;
  std::string_view text_;
  const RuleTable& rules_;
  const PlanOptions& options_;
  SitePlan plan_;
  std::vector<std::string> blind_;
  std::map<const ObjectLiteral*, std::vector<size_t>> removals_;
  std::optional<NewMember> new_member_;
  EditSet statement_edits_;  // deleted mutation statements
  std::set<std::string>
      kept_;  // removed paths kept because code still uses them
  std::map<std::string, std::string> observed_;  // path -> first observer
  std::map<std::string, std::vector<std::string>> kept_for_;  // why -> paths
  std::string session_id_observed_;
  std::map<std::string, std::vector<std::string>> opaque_parents_;
  bool session_id_set_later_ = false;
};

}  // namespace

SitePlan PlanLiteral(std::vector<const ObjectLiteral*> parts,
                     const CallSite& site, const MutationIndex& mutations,
                     std::string_view text, const RuleTable& rules,
                     const PlanOptions& options) {
  return LiteralPlanner(std::move(parts), site, mutations, text, rules, options)
      .Plan();
}

}  // namespace psm
