#ifndef PSM_MIGRATE_FILE_RESULT_H_
#define PSM_MIGRATE_FILE_RESULT_H_

#include <string>
#include <vector>

#include "edit/site_plan.h"

namespace psm {

// One createSource() call as the reports show it.
struct SiteResult {
  uint32_t line = 0;    // 1-based, of the call
  uint32_t column = 0;  // 1-based, in characters
  SiteStatus status = SiteStatus::kNeedsReview;
  std::string method;
  std::vector<std::string> removed;
  bool added_session_id = false;
  std::vector<std::string> reasons;
};

// Everything the run learned about one file. Texts are kept only while the
// file is being rendered; the model that reports aggregate is small.
struct FileResult {
  std::string path;  // as shown to the user (relative to the working dir)
  std::vector<SiteResult> sites;
  bool changed = false;     // the migrated text differs from the original
  std::string error;        // set when the file could not be processed
  bool skipped = false;     // not processed (binary, too large, ...), see error
};

}  // namespace psm

#endif  // PSM_MIGRATE_FILE_RESULT_H_
