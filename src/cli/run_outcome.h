#ifndef PSM_CLI_RUN_OUTCOME_H_
#define PSM_CLI_RUN_OUTCOME_H_

#include <utility>
#include <vector>

#include "cli/options.h"
#include "migrate/file_result.h"
#include "report/run_summary.h"

namespace psm {

// Collects what every report needs, whatever the mode.
struct RunOutcome {
  RunSummary summary;
  std::vector<FileResult> results;  // only files with sites or errors
  bool fatal = false;
  // Without a report to write, results are counted and dropped: memory
  // then stays flat however many call sites a repository holds.
  bool keep_results = true;

  void Add(FileResult&& file) {
    summary.Add(file);
    if (keep_results && (!file.sites.empty() || !file.error.empty()))
      results.push_back(std::move(file));
  }
};

inline int ExitCode(const Options& options, const RunOutcome& run) {
  if (run.fatal || run.summary.errors > run.summary.skipped) return 2;
  if (options.mode == Mode::kCheck &&
      (run.summary.migrated > 0 || run.summary.needs_review > 0 ||
       run.summary.unjudged > 0)) {
    return 1;
  }
  return 0;
}

}  // namespace psm

#endif  // PSM_CLI_RUN_OUTCOME_H_
