#ifndef PSM_EDIT_SITE_PLAN_H_
#define PSM_EDIT_SITE_PLAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "edit/edit.h"
#include "edit/object_shape.h"
#include "find/call_site.h"
#include "rules/rule_table.h"
#include "syntax/expression_probe.h"

namespace psm {

// The report status of one createSource() call.
enum class SiteStatus {
  kMigrated,         // edited (or, without --write, would be)
  kAlreadyMigrated,  // has sessionId and nothing left to remove
  kNeedsReview,      // the tool cannot finish it alone; see reasons
  kUnknownMethod,    // `type` names no method in the rule table
  kIgnored,          // opted out by a payment-session-migrate-ignore comment
  kCanUseSession,    // another DigitalRiver.js call that could take sessionId
};

std::string_view StatusName(SiteStatus status);

// The status of a site made of parts with statuses `a` and `b`: the one
// that asks more of a person (needs-review over unknown-method over
// migrated over the rest).
SiteStatus WorseStatus(SiteStatus a, SiteStatus b);

// The value inserted when no --session-id is given. It is valid JavaScript,
// fails loudly if shipped, and later runs recognise and report it.
inline constexpr std::string_view kPlaceholderMarker =
    "TODO(payment-session-migrate)";

struct PlanOptions {
  // The expression for `sessionId` as ReadValueExpression gives it (a
  // sequence in parentheses); empty means "insert the placeholder".
  std::string session_id;
  // What it uses that only some functions allow (a site elsewhere is
  // refused: RefuseOutOfContext).
  ExpressionNeeds session_needs;
  // The option that sets it, named in reasons: each language has its own.
  std::string session_id_flag = "--session-id";
  // The PHP expression for `'sessionId'` in PHP payload arrays
  // (--php-session-id); empty means "insert the placeholder".
  std::string php_session_id;
  // Rewrite minified and bundled files too (skipped by default).
  bool include_minified = false;
  // Fill each site's before/after excerpt (SiteResult::before, after,
  // excerpt_line). Only the reports that show code read them: a run
  // without one copies no lines for each of thousands of sites.
  bool excerpts = true;
  // The payment method a class sharing the payload gives it (its `type` is
  // set there, or by the class's constructor); "" to read it from `type`.
  std::string forced_method;
  // That class sets `type` in its own object: sessionId goes there.
  bool session_id_elsewhere = false;
};

// A removed member: which path, and where its value and member stood.
struct Removal {
  std::string path;
  ByteRange member;
  ByteRange value;
};

// What the tool decided for one call site.
struct SitePlan {
  SiteStatus status = SiteStatus::kNeedsReview;
  std::string method;                // "" when not known
  std::vector<std::string> removed;  // dotted paths, in rule order
  bool added_session_id = false;
  // Where the edits put PlanOptions::session_id (the start of each payload
  // literal that gets it), for RefuseOutOfContext.
  std::vector<uint32_t> session_at;
  std::vector<std::string> reasons;  // for people; why it needs review, notes
  std::vector<Removal> ledger;       // every member or statement removed
  EditSet edits;
  // The object literals `edits` lie in, for the safety net's proof.
  ObjectShapes shapes;
};

// Plans the edits for `site` from the rule table.
SitePlan PlanSite(const CallSite& site, std::string_view text,
                  const RuleTable& rules, const PlanOptions& options);

// How the reason of a shared object left alone begins (its users' sites
// are refused too).
inline constexpr std::string_view kSharedPayloadRefused =
    "the object it returns is shared by ";

// A site whose literals several classes share (`site.users`): planned
// once per user's payment method. The edits are made only when every user
// needs the same ones in them; otherwise nothing changes and the reason
// lists the users and their methods. Without users, PlanSite.
SitePlan PlanSharedPayload(const CallSite& site, std::string_view text,
                           const RuleTable& rules, const PlanOptions& options);

}  // namespace psm

#endif  // PSM_EDIT_SITE_PLAN_H_
