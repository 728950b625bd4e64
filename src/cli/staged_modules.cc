#include "cli/staged_modules.h"

#include "io/file_io.h"
#include "io/git_index.h"

namespace psm {

std::string StagedModules::WhyNot(const std::string& absolute) {
  auto known = answers_.find(absolute);
  if (known == answers_.end())
    known = answers_.emplace(absolute, Judge(absolute)).first;
  return known->second;
}

std::string StagedModules::Judge(const std::string& absolute) {
  std::string indexed;
  if (auto found = staged_.find(absolute); found != staged_.end()) {
    indexed = found->second;
  } else if (!index_.Read(absolute, &indexed)) {
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
