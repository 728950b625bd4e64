#ifndef PSM_MIGRATE_SESSION_CONTEXT_H_
#define PSM_MIGRATE_SESSION_CONTEXT_H_

#include <tree_sitter/api.h>

#include "common/text_lines.h"
#include "edit/site_plan.h"

namespace psm {

// A session expression with `await` (or `yield`) is valid only in an async
// function (or a generator): inserted into a payload anywhere else, the
// file no longer runs, yet tree-sitter parses it and the safety net passes
// it. Such a site is left to a person, unedited. `root` is the tree of
// the text the plan's offsets are in, `lines` that text's lines.
void RefuseOutOfContext(SitePlan* plan, TSNode root, const LineIndex& lines,
                        const PlanOptions& options);

}  // namespace psm

#endif  // PSM_MIGRATE_SESSION_CONTEXT_H_
