#ifndef PSM_MIGRATE_UNPARSED_CALLS_H_
#define PSM_MIGRATE_UNPARSED_CALLS_H_

#include <tree_sitter/api.h>

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

// A site needing review for each createSource call in `source` (a script
// parsed as `root`) that tree-sitter's error recovery left inside an ERROR
// node, so that the site finder never saw it (an unclosed `(`, merge
// conflict markers): a file with syntax errors hides no call from --check.
// `analysed`: the calls the finder took up or passed over.
std::vector<SiteResult> CallsInSyntaxErrors(
    std::string_view source, TSNode root,
    const std::vector<ByteRange>& analysed);

// For a file skipped as generated (`why`): a site needing review at its
// first createSource call, so that --check cannot pass over it.
std::vector<SiteResult> SkippedFileSites(std::string_view text,
                                         std::string_view why);

}  // namespace psm

#endif  // PSM_MIGRATE_UNPARSED_CALLS_H_
