#include "edit/literal_planner.h"

#include <algorithm>
#include <array>

#include "edit/literal_planner_class.h"

namespace psm {
namespace literal_planner_detail {

SitePlan LiteralPlanner::Plan() {
  for (const ObjectLiteral* part : parts_) {
    if (part->has_error) {
      return Review(
          "the payload contains a syntax error (or template code the tool "
          "cannot "
          "parse around); migrate it by hand");
    }
  }
  const MethodRule* rule = Method();
  if (!rule) {
    ReviewUnknownMethodWithoutSession();
    if (method_untold_ && FinishedWhateverTheMethod())
      plan_.status = SiteStatus::kAlreadyMigrated;
    return std::move(plan_);
  }
  plan_.method = rule->type;
  const PayloadObserver* all = WholeObjectObserver();
  if (!all) return PlanFields(*rule);
  // Code that sees the whole object would see any edit. A payload that
  // needs none (a sessionId on every path, nothing to remove, nothing
  // unseen) is left as it is, and says so: a hook must not fail on
  // finished code that also logs or hands on its payload.
  SitePlan plan = PlanFields(*rule);
  if (plan.status == SiteStatus::kAlreadyMigrated && plan.edits.empty() &&
      WholeObjectObserversAddNothing()) {
    plan.reasons.push_back(all->what +
                           "; make sure it adds none of the fields payment "
                           "sessions no longer accept");
    return plan;
  }
  return AsReview(std::move(plan),
                  all->what +
                      "; it can see every field, so removing or adding one "
                      "would change what it sees: migrate by hand");
}

SitePlan LiteralPlanner::PlanFields(const MethodRule& rule_ref) {
  const MethodRule* rule = &rule_ref;  // as Plan() had it
  NoteObservedPaths(*rule);
  CheckMutations(*rule);
  // A method whose rule removes nothing (cards) sends the same payload
  // with or without the session: where the session is empty on some paths
  // it is the legacy call there, as before; only where fields go does that
  // matter. A sessionId that is never one (`null`) is unfinished for any.
  if (std::string why = SessionIdOnSomePaths();
      !why.empty() && (!rule->remove.empty() || SessionIdIsNoValue()))
    return Review(std::move(why));
  // Removals made by this type's rules could be wrong for the other (a
  // card payload keeps every field a konbini one drops); `sessionId` is
  // wanted by every method.
  if (!type_in_doubt_.empty() && AnyRuleFieldMayBePresent()) {
    Blind(type_in_doubt_ +
          "; no field was removed, since which ones go depends on the type "
          "the call gets: remove them by hand");
  }
  for (const std::string& path : rule->remove) {
    if (!kept_.contains(path) && type_in_doubt_.empty()) CollectRemovals(path);
  }
  ReportOpaqueParents();
  ReportKept();
  PlanSessionId(*rule);
  if (!BuildEdits())
    return Review("internal error: conflicting edits; nothing changed");
  for (const ObjectLiteral* part : parts_) NoteDeclaredTypes(*part, "", rule);
  Decide();
  return std::move(plan_);
}

SitePlan LiteralPlanner::Review(std::string reason) {
  plan_.reasons.push_back(std::move(reason));
  return AsReview(std::move(plan_), "");
}

// `plan` with nothing edited, for review; `reason` ("" for none) replaces
// the reasons the plan had.
SitePlan LiteralPlanner::AsReview(SitePlan plan, std::string reason) {
  plan.status = SiteStatus::kNeedsReview;
  if (!reason.empty()) plan.reasons = {std::move(reason)};
  plan.edits = EditSet();
  plan.shapes = ObjectShapes();
  plan.ledger.clear();
  plan.removed.clear();
  plan.added_session_id = false;
  plan.session_at.clear();
  return plan;
}

bool LiteralPlanner::WholeObjectObserversAddNothing() const {
  for (const PayloadObserver& o : site_.observers) {
    if (o.path.empty() && !o.adds_nothing) return false;
  }
  return true;
}

const PayloadObserver* LiteralPlanner::WholeObjectObserver() const {
  for (const PayloadObserver& o : site_.observers) {
    if (o.path.empty()) return &o;
  }
  return nullptr;
}

void LiteralPlanner::NoteObservedPaths(const MethodRule& rule) {
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

void LiteralPlanner::Keep(const std::string& path, const std::string& why) {
  kept_.insert(path);
  std::vector<std::string>& paths = kept_for_[why];
  if (std::find(paths.begin(), paths.end(), path) == paths.end())
    paths.push_back(path);
}

void LiteralPlanner::ReportKept() {
  for (const auto& [why, paths] : kept_for_) {
    std::string list;
    for (const std::string& p : paths) {
      if (!list.empty()) list += ", ";
      list += Ticked(p);
    }
    Blind(why + "; kept " + list +
          ", which payment sessions no longer accept: remove " +
          (paths.size() > 1 ? "them" : "it") +
          " by hand once nothing else needs " +
          (paths.size() > 1 ? "them" : "it"));
  }
}

void LiteralPlanner::Blind(std::string reason) {
  if (std::find(blind_.begin(), blind_.end(), reason) == blind_.end()) {
    blind_.push_back(std::move(reason));
  }
}

void LiteralPlanner::CollectRemovals(const std::string& path) {
  // Level by level, so that notes come in the same order whatever the
  // nesting; the level vectors are reused, not allocated per path.
  level_.assign(parts_.begin(), parts_.end());
  for (size_t start = 0;;) {
    size_t dot = path.find('.', start);
    bool final_part = dot == std::string::npos;
    std::string_view key = std::string_view(path).substr(
        start, final_part ? std::string_view::npos : dot - start);
    next_.clear();
    for (const ObjectLiteral* object : level_)
      CollectIn(*object, key, final_part, path);
    if (final_part || next_.empty()) return;
    level_.swap(next_);
    start = dot + 1;
  }
}

void LiteralPlanner::CollectIn(const ObjectLiteral& object,
                               std::string_view key, bool final_part,
                               const std::string& path) {
  NoteOpaqueMembers(object, key);
  // A field kept in one of its members is kept in all: removing a later
  // write (`payload.amount = 5` after `set amount(v) {...}` or `amount:
  // f()`) would stop the setter running or change the value sent.
  std::vector<size_t> removable;
  bool kept = false;
  for (size_t i = 0; i < object.members.size(); ++i) {
    const Member& m = object.members[i];
    if (m.key != key || m.kind == Member::Kind::kSpread) continue;
    if (final_part) {
      if (std::string why = WhyKept(object, i, path); !why.empty()) {
        Keep(path, why);
        kept = true;
      } else {
        removable.push_back(i);
      }
    } else if (m.object) {
      next_.push_back(m.object.get());
    } else if (!m.string_value) {
      NoteOpaqueParent(m, path);
    }
  }
  if (kept) return;
  for (size_t i : removable) {
    AddRemoval(&object, i, path);
    plan_.ledger.push_back(
        {path, object.members[i].range, object.members[i].value_range});
  }
}

std::string LiteralPlanner::OpaqueMemberBefore(const ObjectLiteral& object,
                                               size_t index) const {
  const std::string& key = object.members[index].key;
  for (size_t j = 0; j < index; ++j) {
    const Member& m = object.members[j];
    if (!m.MayCarry(key)) continue;
    if (m.kind == Member::Kind::kSpread) return Ticked(m.range.In(text_));
    return "the computed key " + Ticked(m.key_range.In(text_));
  }
  return "";
}

void LiteralPlanner::NoteOpaqueParent(const Member& m,
                                      const std::string& path) {
  std::string key = Ticked(m.key) + " is " + Ticked(m.value_range.In(text_));
  std::string rest = path.substr(path.find('.') + 1);
  auto& fields = opaque_parents_[key];
  if (std::find(fields.begin(), fields.end(), rest) == fields.end()) {
    fields.push_back(rest);
  }
}

void LiteralPlanner::ReportOpaqueParents() {
  for (const auto& [what, fields] : opaque_parents_) {
    std::string list;
    for (const std::string& f : fields) list += (list.empty() ? "" : ", ") + f;
    Blind(what +
          ", which the tool cannot see into; make sure it no longer carries " +
          list);
  }
  // One reason per spread or computed key, naming every field it may hold.
  for (const auto& [what, keys] : opaque_members_) {
    std::string list;
    for (const std::string& k : keys) {
      if (!list.empty()) list += ", ";
      list += Ticked(k);
    }
    Blind(what + list + " or other fields payment sessions no longer accept");
  }
}

void LiteralPlanner::NoteOpaqueMembers(const ObjectLiteral& object,
                                       std::string_view key) {
  for (const Member& m : object.members) {
    if (!m.MayCarry(key)) continue;
    bool computed = m.kind == Member::Kind::kComputed;
    std::string what =
        computed
            ? "the computed key " + Ticked(m.key_range.In(text_)) + " may name "
            : Ticked(m.range.In(text_)) + " may carry ";
    std::vector<std::string>& keys = opaque_members_[what];
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      keys.emplace_back(key);
  }
}

void LiteralPlanner::AddRemoval(const ObjectLiteral* object, size_t index,
                                const std::string& path) {
  std::vector<size_t>& indices = RemovalsIn(object);
  if (std::find(indices.begin(), indices.end(), index) == indices.end()) {
    indices.push_back(index);
  }
  if (std::find(plan_.removed.begin(), plan_.removed.end(), path) ==
      plan_.removed.end()) {
    plan_.removed.push_back(path);
  }
}

std::vector<size_t>& LiteralPlanner::RemovalsIn(const ObjectLiteral* object) {
  for (auto& [seen, indices] : removals_) {
    if (seen == object) return indices;
  }
  return removals_.emplace_back(object, std::vector<size_t>()).second;
}

bool LiteralPlanner::BuildEdits() {
  if (new_member_) RemovalsIn(&object_);  // the top level gets the insertion
  for (auto& [object, indices] : removals_) {
    std::sort(indices.begin(), indices.end());
    std::optional<NewMember> add;
    if (object == &object_) add = new_member_;
    std::optional<EditSet> edits = EditObject(text_, *object, indices, add);
    if (!edits || plan_.edits.AddAll(std::move(*edits))) return false;
    plan_.shapes.Add(*object);
  }
  return !plan_.edits.AddAll(std::move(statement_edits_));
}

void LiteralPlanner::Decide() {
  for (std::string& reason : blind_) plan_.reasons.push_back(std::move(reason));
  if (!blind_.empty()) {
    plan_.status = SiteStatus::kNeedsReview;
  } else if (plan_.edits.empty()) {
    plan_.status = SiteStatus::kAlreadyMigrated;
  } else {
    plan_.status = SiteStatus::kMigrated;
  }
}

bool LiteralPlanner::ReachedBySeveralLiterals() const {
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

const ObjectLiteral* LiteralPlanner::Anchor(
    const std::vector<const ObjectLiteral*>& parts) {
  // Merged parts apply in order: the last `type` is the one sent.
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if ((*it)->Find("type")) return *it;
  }
  return parts.front();
}

const Member* LiteralPlanner::FindAcross(std::string_view key) const {
  for (auto it = parts_.rbegin(); it != parts_.rend(); ++it) {
    if (const Member* m = (*it)->Find(key)) return m;
  }
  return nullptr;
}

}  // namespace literal_planner_detail

using literal_planner_detail::LiteralPlanner;

SitePlan PlanLiteral(std::vector<const ObjectLiteral*> parts,
                     const CallSite& site, const MutationIndex& mutations,
                     std::string_view text, const RuleTable& rules,
                     const PlanOptions& options) {
  return LiteralPlanner(std::move(parts), site, mutations, text, rules, options)
      .Plan();
}

}  // namespace psm
