#ifndef PSM_MIGRATE_SITE_DETAILS_H_
#define PSM_MIGRATE_SITE_DETAILS_H_

#include <string_view>

#include "common/text_lines.h"
#include "edit/edit.h"
#include "edit/offset_map.h"
#include "edit/site_plan.h"
#include "migrate/file_result.h"

namespace psm {

// Fills the reviewer's details of a site: the ledger of removed values and
// the site's edits as line/column replacements. The plan's ledger is taken
// (nothing else reads it), its edits are left.
void DescribeEdits(SitePlan& plan, std::string_view text,
                   const LineIndex& lines, SiteResult* result);

// Sets the before/after excerpts of a site: the lines its edits touch (or the
// call's first lines), in the original text and in `after_text`, which is
// the original with the edits `moved` maps applied.
void AddExcerpts(std::string_view text, std::string_view after_text,
                 const OffsetMap& moved, const EditSet& site_edits,
                 ByteRange call, const LineIndex& lines, SiteResult* result);

}  // namespace psm

#endif  // PSM_MIGRATE_SITE_DETAILS_H_
