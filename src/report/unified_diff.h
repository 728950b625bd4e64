#ifndef PSM_REPORT_UNIFIED_DIFF_H_
#define PSM_REPORT_UNIFIED_DIFF_H_

#include <string>
#include <string_view>

namespace psm {

// A unified diff of `before` -> `after` for `path`, with `a/` and `b/`
// prefixes and 3 lines of context, as `git apply` reads it; the `---` and
// `+++` lines name the file exactly as git does (quoted when the name needs
// it, see common/path_quote.h). Empty when the texts are equal. Lines are
// compared with a Myers-style O(ND) diff on whole lines; line endings are
// part of the lines, so CRLF survives a round trip.
std::string UnifiedDiff(std::string_view path, std::string_view before,
                        std::string_view after, int context = 3);

}  // namespace psm

#endif  // PSM_REPORT_UNIFIED_DIFF_H_
