#ifndef PSM_REPORT_SARIF_REPORT_H_
#define PSM_REPORT_SARIF_REPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/file_result.h"
#include "report/report_options.h"
#include "report/run_summary.h"

namespace psm {

// How serious a finding is, in SARIF's terms (GitHub's "notice" is a note).
enum class FindingLevel { kError, kWarning, kNote };

// A site that still needs someone's attention, as code scanning and CI
// annotations show it.
struct Finding {
  std::string_view rule_id;  // "psm/needs-migration", "psm/needs-review", ...
  FindingLevel level = FindingLevel::kError;
  std::string message;  // one line, without the location
};

// The finding `site` is, or nullopt when nothing is left to do: migrated
// sites are findings only before --write; already-migrated and ignored sites
// never are.
std::optional<Finding> SiteFinding(const SiteResult& site, bool write_mode);

// SARIF 2.1.0 for code-scanning dashboards: one run, one rule per kind of
// finding, one result per finding with a `fixes` entry carrying the site's
// replacements (not after --write: they are applied then), the run's counts
// in run.properties.summary (the JSON report's "summary") and file errors as
// tool execution notifications.
std::string SarifReport(const std::vector<FileResult>& files,
                        const RunSummary& summary,
                        const ReportOptions& options);

}  // namespace psm

#endif  // PSM_REPORT_SARIF_REPORT_H_
