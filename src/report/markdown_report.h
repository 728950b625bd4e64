#ifndef PSM_REPORT_MARKDOWN_REPORT_H_
#define PSM_REPORT_MARKDOWN_REPORT_H_

#include <string>
#include <vector>

#include "migrate/file_result.h"
#include "report/report_options.h"
#include "report/run_summary.h"

namespace psm {

// A GitHub-flavoured Markdown report to paste in a pull request: the run's
// counts (the JSON report's "summary"), sites by payment method and status,
// then each file with sites or errors: every site's line, status, removed
// fields, sessionId expression and reasons, with a short excerpt for the
// sites a person must look at; last, the ledger of removed values as a
// checklist (they must now reach the server-side checkout).
std::string MarkdownReport(const std::vector<FileResult>& files,
                           const RunSummary& summary,
                           const ReportOptions& options);

}  // namespace psm

#endif  // PSM_REPORT_MARKDOWN_REPORT_H_
