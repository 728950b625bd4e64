#ifndef PSM_MIGRATE_FILE_MIGRATOR_H_
#define PSM_MIGRATE_FILE_MIGRATOR_H_

#include <string>
#include <string_view>

#include "edit/site_plan.h"
#include "migrate/file_links.h"
#include "migrate/file_result.h"
#include "rules/rule_table.h"
#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {

// The edits of one call site, for walking a file site by site.
struct SiteEdits {
  uint32_t line = 0, column = 0;  // of the call, as in its SiteResult
  EditSet edits;
};

struct Migration {
  FileResult result;
  std::vector<SiteEdits> site_edits;  // sites with edits, in source order
  std::string_view input_text;        // the caller's text, not copied
  std::string edited_text;            // only when result.changed
  // Calls whose payload comes from another module, for the project model.
  std::vector<SiteRequest> requests;

  // The text after migration: the input itself when nothing changed (most
  // files of a repository, which are then never copied).
  std::string_view migrated_text() const {
    return result.changed ? std::string_view(edited_text) : input_text;
  }
};

// The per-file pipeline: parse -> find call sites -> plan edits from the
// rules -> apply -> re-parse to prove no syntax error was introduced.
// Never touches the disk. `parser` is reused across files by one thread.
// `links`: what the project model learned about this file (builders of
// payloads for other files, calls answered elsewhere), if anything.
Migration MigrateText(std::string_view path, std::string_view text,
                      Language language, const RuleTable& rules,
                      const PlanOptions& options, Parser& parser,
                      const FileLinks* links = nullptr);

}  // namespace psm

#endif  // PSM_MIGRATE_FILE_MIGRATOR_H_
