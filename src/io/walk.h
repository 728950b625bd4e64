#ifndef PSM_IO_WALK_H_
#define PSM_IO_WALK_H_

#include <string>
#include <vector>

namespace psm {

struct WalkProblem {
  std::string path;
  std::string message;
  bool fatal = false;  // makes the exit status 2 (the walk itself goes on)
};

struct WalkResult {
  std::vector<std::string> files;  // sorted, without duplicates
  std::vector<WalkProblem> problems;
};

// Expands the user's paths into the files to process. Files named
// explicitly are always kept (pre-commit and lint-staged pass them that
// way; only --exclude/--include globs apply to them); directories are walked
// for JavaScript, TypeScript and script-container files, skipping
// node_modules and VCS directories, pruning ignored directories before
// descending, and never following symbolic links.
// `ignore` (optional) adds ignore files and globs; see io/ignore.h.
class IgnoreRules;
WalkResult CollectFiles(const std::vector<std::string>& paths,
                        IgnoreRules* ignore = nullptr);

}  // namespace psm

#endif  // PSM_IO_WALK_H_
