#ifndef PSM_REPORT_JSON_REPORT_H_
#define PSM_REPORT_JSON_REPORT_H_

#include <string>
#include <vector>

#include "migrate/file_result.h"
#include "report/run_summary.h"

namespace psm {

// The machine-readable report (--json-report), format version 1:
// {"version", "tool": {"name", "version"}, "sites": [...], "summary": {...},
//  "errors": [{"file", "message"}]}.
std::string JsonReport(const std::vector<FileResult>& files,
                       const RunSummary& summary);

}  // namespace psm

#endif  // PSM_REPORT_JSON_REPORT_H_
