#ifndef PSM_CLI_STAGED_MODULES_H_
#define PSM_CLI_STAGED_MODULES_H_

#include <map>
#include <string>

#include "io/git_index.h"

namespace psm {

// --staged judges what the next commit holds. A payload built in another
// module is followed only when that module, as the tool reads it from the
// work tree, is what the commit holds: in the index, and with no unstaged
// change (the work-tree copy equals the index's). Else the reason, naming
// what to do; "" when it may be followed. `staged`: the staged files'
// texts (absolute path -> staged blob), already read; it must outlive this.
class StagedModules {
 public:
  StagedModules(const std::string& cwd,
                const std::map<std::string, std::string>& staged)
      : index_(cwd), staged_(staged) {}

  std::string WhyNot(const std::string& absolute);

 private:
  std::string Judge(const std::string& absolute);

  IndexReader index_;
  const std::map<std::string, std::string>& staged_;
  std::map<std::string, std::string> answers_;  // each module asked once
};

}  // namespace psm

#endif  // PSM_CLI_STAGED_MODULES_H_
