#ifndef PSM_MIGRATE_UNPARSED_CALLS_H_
#define PSM_MIGRATE_UNPARSED_CALLS_H_

#include <string_view>
#include <vector>

#include "common/byte_range.h"
#include "migrate/file_result.h"
#include "syntax/embedded_script.h"

namespace psm {

// A createSource call as a byte scan sees it, without parsing:
// `.createSource(`, `?.createSource?.(`, `.createSource.call(`,
// `['createSource'](`, `["createSource"](`, blanks allowed before `(`.
struct CallText {
  uint32_t begin = 0;  // where the receiver seems to start
  ByteRange match;     // from the `.` or `[` to just past the `(` or `.call`
};

std::vector<CallText> FindCallTexts(std::string_view text);

// A site needing review for each createSource call in a container's `text`
// that `view` leaves out (markup, a comment, a server-side string, an
// entity-encoded handler): the tool never hides a call it did not analyse.
std::vector<SiteResult> UnparsedCallSites(std::string_view text,
                                          const ScriptView& view);

// For a file skipped as generated (`why`): a site needing review at its
// first createSource call, so that --check cannot pass over it.
std::vector<SiteResult> SkippedFileSites(std::string_view text,
                                         std::string_view why);

}  // namespace psm

#endif  // PSM_MIGRATE_UNPARSED_CALLS_H_
