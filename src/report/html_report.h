#ifndef PSM_REPORT_HTML_REPORT_H_
#define PSM_REPORT_HTML_REPORT_H_

#include <string>
#include <vector>

#include "migrate/file_result.h"
#include "report/report_options.h"
#include "report/run_summary.h"

namespace psm {

// One self-contained HTML page (inline CSS and JavaScript, no network: its
// Content-Security-Policy forbids it) for reviewing a run: the counts, a bar
// chart of sites by status, filters by status and method, each site with its
// before/after side by side, reasons and removed values, and the ledger.
//
// Stable hooks for tests and scripts: every count is in an element with
// `id="count-<name>"` and `data-key="<JSON summary key>"` (count-files,
// count-files-changed, count-sites, count-<status>, count-skipped,
// count-errors); site cards are `article.site` with `data-status` and
// `data-method`; the script writes the number of sites shown into
// `#shown-count` and sets `data-ready` on <body>. A location hash such as
// `#status=needs-review,unknown-method&method=payPal` presets the filters.
std::string HtmlReport(const std::vector<FileResult>& files,
                       const RunSummary& summary, const ReportOptions& options);

}  // namespace psm

#endif  // PSM_REPORT_HTML_REPORT_H_
