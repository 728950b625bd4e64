#ifndef PSM_IO_ANCHORED_GLOBS_H_
#define PSM_IO_ANCHORED_GLOBS_H_

#include <string>
#include <vector>

namespace psm {

// --exclude/--include globs that belong to a directory rather than to the
// run: a config file's `exclude` and `include`, written against paths from
// the config file's directory (as its `sessionIds` are), must name the same
// files whether the run starts there or in a subdirectory.
struct AnchoredGlobs {
  std::string base;  // absolute, without a trailing slash
  std::vector<std::string> excludes;
  std::vector<std::string> includes;

  bool empty() const { return excludes.empty() && includes.empty(); }
};

}  // namespace psm

#endif  // PSM_IO_ANCHORED_GLOBS_H_
