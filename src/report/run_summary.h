#ifndef PSM_REPORT_RUN_SUMMARY_H_
#define PSM_REPORT_RUN_SUMMARY_H_

#include <string>

#include "migrate/file_result.h"

namespace psm {

// Counts over a whole run; every report prints these same numbers.
struct RunSummary {
  int files = 0;
  int files_changed = 0;
  // Of those, changed only because they build payloads for calls in other
  // files.
  int files_changed_for_others = 0;
  int sites = 0;
  int migrated = 0;
  int already_migrated = 0;
  int needs_review = 0;
  int unknown_method = 0;
  int ignored = 0;
  int can_use_session = 0;
  int errors = 0;   // files with a problem, skipped ones included
  int skipped = 0;  // files deliberately not processed (binary, too large)
  int unjudged = 0;  // of those, ones that name createSource (fail --check)

  void Add(const FileResult& file);
  // "3 files scanned, 1 changed; 4 sites: 2 migrated, ..."
  std::string OneLine(bool write_mode) const;
};

}  // namespace psm

#endif  // PSM_REPORT_RUN_SUMMARY_H_
