#ifndef PSM_CLI_LINKED_FILES_H_
#define PSM_CLI_LINKED_FILES_H_

#include <atomic>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/file_job.h"

namespace psm {

// The project root of a run: that of its first path (ProjectRootOf).
std::string RunProjectRoot(const Options& options);

// The files whose calls take payloads from other modules (`deferred` by the
// parallel run), and the modules that build those payloads, migrated
// together once the project model has linked them, in path order; each
// result goes to `emit` (with whether the parallel run counted the file
// already). `reported`: absolute paths the parallel run already reported
// (sites, changes or errors): never edited or reported again. `quiet`:
// the other files it walked, as opened: the only others that may be
// edited (inside the paths given, not ignored). `definers`, when the walk
// was whole: every file it handed out that may define a createSource (as
// opened; ProcessedFile::may_define_create_source). Stops between files
// once `interrupted`.
void FinishLinkedFiles(const RunContext& ctx,
                       std::vector<ProcessedFile>& deferred,
                       const std::set<std::string>& reported,
                       const std::vector<std::string>& quiet,
                       const std::optional<std::vector<std::string>>& definers,
                       const std::atomic<bool>& interrupted,
                       const std::function<void(ProcessedFile&&, bool)>& emit);

}  // namespace psm

#endif  // PSM_CLI_LINKED_FILES_H_
