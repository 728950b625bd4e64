#ifndef PSM_REPORT_JSON_REPORT_H_
#define PSM_REPORT_JSON_REPORT_H_

#include <string>
#include <vector>

#include "migrate/file_result.h"
#include "report/run_summary.h"

namespace psm {

// The machine-readable report (--json-report), format version 1:
// {"version", "tool": {"name", "version"}, "sites": [...], "summary": {...},
//  "errors": [{"file", "message"}]}. A `file` that is not UTF-8 is given
// quoted (see common/path_quote.h) next to "fileQuoted": true.
// `redact` hides personal and card data in the ledger's expressions.
std::string JsonReport(const std::vector<FileResult>& files,
                       const RunSummary& summary, bool redact = true);

}  // namespace psm

#endif  // PSM_REPORT_JSON_REPORT_H_
