#ifndef PSM_EDIT_LITERAL_PLANNER_CLASS_H_
#define PSM_EDIT_LITERAL_PLANNER_CLASS_H_

// The planner behind PlanLiteral (literal_planner.h), shared by its two
// source files: literal_planner.cc chooses the method and the fields that
// go; literal_session_and_mutations.cc the later writes to removed fields
// and the sessionId to add. Not for other users.

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "common/strings.h"
#include "common/text_lines.h"
#include "edit/literal_planner.h"
#include "edit/mutation_index.h"
#include "edit/object_editor.h"

namespace psm::literal_planner_detail {

inline constexpr std::string_view kSessionId = "sessionId";

inline std::string Ticked(std::string_view s) {
  std::string ticked;
  ticked.reserve(s.size() + 2);
  ticked += '`';
  ticked += s;
  ticked += '`';
  return ticked;
}

// True when setting `set` can put `removed` (or something under it) back.
inline bool Touches(std::string_view set, std::string_view removed) {
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

  SitePlan Plan();

 private:
  SitePlan Review(std::string reason);
  static SitePlan AsReview(SitePlan plan, std::string reason);
  bool WholeObjectObserversAddNothing() const;
  // Plan() once the rule is known and no code sees the whole object.
  SitePlan PlanFields(const MethodRule& rule);

  const PayloadObserver* WholeObjectObserver() const;

  // A removed path that other code reads (or can reach through an escaped
  // part of the payload) stays: removing it would change what that code
  // sees. The first such observer is the reason.
  void NoteObservedPaths(const MethodRule& rule);

  // The member (or statement) for `path` cannot go, because of `why`.
  void Keep(const std::string& path, const std::string& why);

  // One reason per cause, naming every field it kept.
  void ReportKept();

  void Blind(std::string reason);

  // Method sub-objects present in the payload, e.g. `klarnaCredit: {...}`.
  std::vector<std::string> Candidates() const;
  // The keys of a payload that has none a DigitalRiver.js payload may
  // have (see literal_planner.cc); empty when it may be one.
  std::string ForeignKeys() const;

  const MethodRule* Method();

  // The method a class sharing this object gives it (see PlanOptions).
  const MethodRule* ForcedMethod();

  const MethodRule* KnownMethod(const std::string& type);
  // For a method the rule table does not name: a payload surely handed to
  // DigitalRiver.js without sessionId needs review (payment sessions want
  // it in every method's payload), instead of passing as unknown-method.
  void ReviewUnknownMethodWithoutSession();
  // Why the payload has a sessionId on some paths only (set under an `if`,
  // `x ? id : undefined`), or "": removing the legacy fields would leave
  // the other paths with neither.
  std::string SessionIdOnSomePaths() const;
  // Whether the payload's own sessionId is written as no value (`null`).
  bool SessionIdIsNoValue() const;

  // A type given beside the payload (GivenType) and the payload's own
  // `type` must both be one string: which one wins depends on the order
  // the wrapper spreads them in.
  bool AgreesWithGivenType(const Member* type);

  // Finds the members `path` names, in this literal and the nested literals
  // it leads to; notes values the tool cannot see into.
  void CollectRemovals(const std::string& path);

  // CollectRemovals in one object of the level it has reached: `key` is
  // the part of `path` for that level.
  void CollectIn(const ObjectLiteral& object, std::string_view key,
                 bool final_part, const std::string& path);

  // `m` leads towards `path` but is neither a literal nor a string: a
  // person must check what it carries.
  void NoteOpaqueParent(const Member& m, const std::string& path);
  // A spread (not covered where it is built) or computed key before
  // member `index` of `object`: removing the member would let it supply
  // the field. "" when there is none.
  // Why the field at `path`, member `i` of `object`, must stay; "" when
  // it may go.
  std::string WhyKept(const ObjectLiteral& object, size_t i,
                      const std::string& path) const;
  std::string PrototypeMember(const ObjectLiteral& object) const;
  // WhyKept for the first member at `path` across the parts that must stay
  // (a later write to it must then stay too); "" when none must.
  std::string KeptInLiteral(const std::string& path) const;
  std::string OpaqueMemberBefore(const ObjectLiteral& object,
                                 size_t index) const;

  // One reason per value the tool cannot see into, naming every field that
  // might still hide there.
  void ReportOpaqueParents();

  void NoteOpaqueMembers(const ObjectLiteral& object, std::string_view key);
  std::string SpreadMayCarryType() const;

  void AddRemoval(const ObjectLiteral* object, size_t index,
                  const std::string& path);

  // The indices of the members of `object` to remove (added when new).
  std::vector<size_t>& RemovalsIn(const ObjectLiteral* object);

  // Only the writes that can matter to `rule` (after-call ones are left
  // out): looking at every write for every literal was quadratic.
  void CheckMutations(const MethodRule& rule);

  // Counts lines from the start: only for the few writes that get a reason.
  std::string Where(const PayloadMutation& m) const;

  // A statement that writes at or around a removed path: deleted when it
  // only sets that field; otherwise the field stays in the literal (later
  // code may still use it, e.g. `items.push(...)`) and a person decides.
  void CheckMutation(const PayloadMutation& m, const MethodRule& rule);

  // Deletes `payload.amount = total;` with its line, when it sets a removed
  // field (or something inside one) and nothing else.
  bool DeleteStatement(const PayloadMutation& m, const std::string& removed);

  void PlanSessionId(const MethodRule& rule);
  std::string MemberMayCarrySession() const;
  bool SpreadBringsSession() const;
  bool AnyRuleFieldMayBePresent() const;
  bool FinishedWhateverTheMethod() const;
  bool PathMayBePresent(const std::string& path) const;

  std::string Placeholder() const;

  bool BuildEdits();

  // Each object of the payload given a TypeScript type that lists fields
  // (ObjectLiteral::declared), whose fields the edits change: the type
  // must change with them, which the tool cannot do. The edits stay.
  // `rule`: the method's, for the payload's own object (null below it).
  void NoteDeclaredTypes(const ObjectLiteral& object, const std::string& path,
                         const MethodRule* rule);
  // For an object with nothing left to do: its type still lacks
  // `sessionId` (`gains`) or still requires fields `rule` removes.
  void StaleTypeOfMigrated(const ObjectLiteral& object, const MethodRule& rule,
                           bool* gains, std::vector<std::string>* drops);

  // The removed paths in `object` and the objects nested in it that have
  // no type of their own (which then are checked on their own), under
  // `prefix`.
  void CollectDrops(const ObjectLiteral& object, const std::string& prefix,
                    std::vector<std::string>* drops) const;

  // The indices of the members of `object` to remove; null when none.
  const std::vector<size_t>* RemovedIn(const ObjectLiteral* object) const;

  void Decide();

  bool ReachedBySeveralLiterals() const;

  // Values that carry no session: `null`, `undefined`, an empty string.
  static bool IsNoValue(std::string_view value);
  // Whether `member` holds the placeholder an earlier run inserted.
  bool HoldsPlaceholder(const Member& member) const;

  static const ObjectLiteral* Anchor(
      const std::vector<const ObjectLiteral*>& parts);

  // The member named `key` that wins: merged parts apply in order, so the
  // last part holding it.
  const Member* FindAcross(std::string_view key) const;

  std::vector<const ObjectLiteral*> parts_;
  const ObjectLiteral& object_;
  const CallSite& site_;
  const MutationIndex& mutations_;
  std::string_view text_;
  const RuleTable& rules_;
  const PlanOptions& options_;
  SitePlan plan_;
  std::vector<std::string> blind_;
  // By object, in the order first seen (a payload has a few objects). The
  // order does not change the edits: an EditSet sorts them by offset, and
  // only the anchor gets insertions, whose order among themselves counts.
  std::vector<std::pair<const ObjectLiteral*, std::vector<size_t>>> removals_;
  // The objects CollectRemovals is looking in, and those one level down.
  std::vector<const ObjectLiteral*> level_, next_;
  std::optional<NewMember> new_member_;
  EditSet statement_edits_;  // deleted mutation statements
  std::set<std::string>
      kept_;  // removed paths kept because code still uses them
  std::map<std::string, std::string> observed_;  // path -> first observer
  std::map<std::string, std::vector<std::string>> kept_for_;  // why -> paths
  std::string session_id_observed_;
  std::map<std::string, std::vector<std::string>> opaque_parents_;
  // "`...extra` may carry " / "the computed key `[k]` may name " -> the
  // removed fields it may hold.
  std::map<std::string, std::vector<std::string>> opaque_members_;
  bool session_id_set_later_ = false;
  bool session_id_always_set_ = false;   // by a write on every path
  std::string session_id_emptied_;  // the first write that may empty it
  std::string session_id_set_at_times_;  // the first write that is not
  // Why the payload's type at the call may not be the one planned for (a
  // statement that may change it, a type that is an expression): which
  // fields go then depends on the path taken, so none is removed.
  std::string type_in_doubt_;
  // Method() could not tell the payment method from the type.
  bool method_untold_ = false;
};

}  // namespace psm::literal_planner_detail

#endif  // PSM_EDIT_LITERAL_PLANNER_CLASS_H_
