#include "migrate/session_context.h"

#include <string>

#include "common/text_lines.h"
#include "syntax/value_context.h"

namespace psm {
namespace {

std::string Reason(std::string_view keyword, const std::string& expression,
                   int line) {
  std::string where = keyword == "await"
                          ? "an async function (or at the top level of an ES "
                            "module)"
                          : "a generator function";
  return "the session expression `" + expression + "` uses " +
         std::string(keyword) + ", but line " + std::to_string(line) +
         ", where it would go, is not inside " + where +
         ": set sessionId by hand";
}

}  // namespace

void RefuseOutOfContext(SitePlan* plan, TSNode root, const LineIndex& lines,
                        const PlanOptions& options) {
  if (!options.session_needs.any() || plan->edits.empty()) return;
  for (uint32_t at : plan->session_at) {
    std::string_view keyword = Disallowed(root, at, options.session_needs);
    if (keyword.empty()) continue;
    plan->status = SiteStatus::kNeedsReview;
    plan->removed.clear();
    plan->added_session_id = false;
    plan->session_at.clear();
    plan->ledger.clear();
    plan->edits = EditSet();
    plan->reasons.push_back(
        Reason(keyword, options.session_id, lines.Line(at)));
    return;
  }
}

}  // namespace psm
