#ifndef PSM_MIGRATE_SHARED_PAYLOADS_H_
#define PSM_MIGRATE_SHARED_PAYLOADS_H_

#include <string_view>
#include <vector>

#include "edit/site_plan.h"
#include "find/call_site.h"

namespace psm {

// Call sites whose payloads share an object literal (one `common` object
// merged into a card payload and a konbini payload, one builder used by two
// calls) must agree on every edit inside it: otherwise one call's rule
// would change what the other sends. Where they differ, every site sharing
// the literal needs review and none of them edits anything. `plans[i]` is
// the plan of `sites[i]`; `text` gives line numbers for the reasons.
void ReconcileSharedLiterals(const std::vector<CallSite>& sites,
                             std::string_view text,
                             std::vector<SitePlan>* plans);

}  // namespace psm

#endif  // PSM_MIGRATE_SHARED_PAYLOADS_H_
