#ifndef PSM_IO_WALK_H_
#define PSM_IO_WALK_H_

#include <string>
#include <vector>

namespace psm {

struct WalkProblem {
  std::string path;
  std::string message;
  bool fatal = false;  // a path the user named that cannot be used
};

struct WalkResult {
  std::vector<std::string> files;  // sorted, without duplicates
  std::vector<WalkProblem> problems;
};

// Expands the user's paths into the files to process. Files named
// explicitly are always kept (pre-commit and lint-staged pass them that
// way); directories are walked for JavaScript and TypeScript files, skipping
// node_modules, .git and other dot-directories, and never following
// symbolic links.
WalkResult CollectFiles(const std::vector<std::string>& paths);

}  // namespace psm

#endif  // PSM_IO_WALK_H_
