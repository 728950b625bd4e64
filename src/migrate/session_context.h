#ifndef PSM_MIGRATE_SESSION_CONTEXT_H_
#define PSM_MIGRATE_SESSION_CONTEXT_H_

#include <tree_sitter/api.h>

#include "common/text_lines.h"
#include "edit/site_plan.h"
#include "find/call_site.h"

namespace psm {

// A session expression with `await` (or `yield`) is valid only in an async
// function (or a generator): inserted into a payload anywhere else, the
// file no longer runs, yet tree-sitter parses it and the safety net passes
// it. Such a site is left to a person, unedited. `root` is the tree of
// the text the plan's offsets are in, `lines` that text's lines.
void RefuseOutOfContext(SitePlan* plan, TSNode root, const LineIndex& lines,
                        const PlanOptions& options);

// The session expression is written where the payload is built, and runs
// there: a name it reads (`checkout` in `checkout.payment.session.id`) that
// means something else there than at the call (`pay(checkout)`'s parameter
// at the call, nothing at a literal the script builds once at the top) would
// throw or read another object, and `this` another object in another
// function. Such a site is left to a person, unedited. `source` is the text
// `root` was parsed from. A builder whose callers are in other files has no
// call to compare with: its expression stands as the user gave it.
void RefuseOtherBindings(SitePlan* plan, const CallSite& site, TSNode root,
                         std::string_view source, const LineIndex& lines,
                         const PlanOptions& options);

}  // namespace psm

#endif  // PSM_MIGRATE_SESSION_CONTEXT_H_
