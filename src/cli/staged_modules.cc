#include "cli/staged_modules.h"

#include "io/file_io.h"
#include "io/git_index.h"

namespace psm {

std::string WhyNotStagedModule(const std::string& cwd,
                               const std::map<std::string, std::string>& staged,
                               const std::string& absolute) {
  std::string indexed;
  if (auto found = staged.find(absolute); found != staged.end()) {
    indexed = found->second;
  } else if (!ReadIndexedText(cwd, absolute, &indexed)) {
    return "it is not in the git index (untracked), so not in the commit; "
           "stage it (git add), then run again";
  }
  std::string work_tree, error;
  if (!ReadWholeFile(absolute, &work_tree, &error) || work_tree != indexed) {
    return "it has unstaged changes, so what the commit holds is not what "
           "the tool can follow; stage or stash them, then run again";
  }
  return "";
}

}  // namespace psm
