#ifndef PSM_EDIT_LITERAL_PLANNER_H_
#define PSM_EDIT_LITERAL_PLANNER_H_

#include <string_view>
#include <vector>

#include "edit/mutation_index.h"
#include "edit/site_plan.h"

namespace psm {

// Plans one payload: `parts` are the object literals that make it (one, or
// several merged by Object.assign / $.extend). Decides the payment method
// from `type` (or infers it from a method sub-object), collects the members
// the rule removes in every part and its nested literals, deletes statements
// that only set removed fields, and adds `sessionId` to the part holding
// `type`. Values it cannot see into make the plan need review. `mutations`
// indexes `site.mutations` (built once for all the site's literals).
SitePlan PlanLiteral(std::vector<const ObjectLiteral*> parts,
                     const CallSite& site, const MutationIndex& mutations,
                     std::string_view text, const RuleTable& rules,
                     const PlanOptions& options);

}  // namespace psm

#endif  // PSM_EDIT_LITERAL_PLANNER_H_
