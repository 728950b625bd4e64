#ifndef PSM_REPORT_GITHUB_ANNOTATIONS_H_
#define PSM_REPORT_GITHUB_ANNOTATIONS_H_

#include <string>

#include "migrate/file_result.h"

namespace psm {

// GitHub Actions workflow commands for one file's findings (--format github),
// one per line: `::error file=PATH,line=L,col=C,title=...::message` for sites
// to migrate or review, `::warning` for unknown methods, `::notice` for calls
// that could use the session, and `::error file=PATH::...` when the file could
// not be processed. Messages and properties are escaped as the runner expects;
// a file name that is not UTF-8 or starts with `"` is given quoted (see
// common/path_quote.h).
std::string GithubAnnotations(const FileResult& file, bool write_mode);

}  // namespace psm

#endif  // PSM_REPORT_GITHUB_ANNOTATIONS_H_
