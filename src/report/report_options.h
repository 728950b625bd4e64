#ifndef PSM_REPORT_REPORT_OPTIONS_H_
#define PSM_REPORT_REPORT_OPTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "migrate/file_result.h"
#include "syntax/language.h"

namespace psm {

// What the review reports (Markdown, HTML, SARIF) show and how.
struct ReportOptions {
  // Hide string literals that look like personal or card data (--no-redact
  // turns it off): reports end up in CI logs and pull requests.
  bool redact = true;
  // The --session-id expression; "" means the tool inserted its placeholder.
  std::string session_id;
  // The same for PHP payload arrays (--php-session-id).
  std::string php_session_id;
  // --write: migrated sites are done, not findings, and fixes are applied.
  bool write_mode = false;

  // The expression inserted at a site in `language`, and its option.
  const std::string& SessionIdFor(Language language) const {
    return language == Language::kPhp ? php_session_id : session_id;
  }
  // The expression `site` got: its own when the run chose one per file
  // (see SiteResult::session_from), else the run's.
  const std::string& SessionIdOf(const SiteResult& site) const {
    return site.session_from.empty() ? SessionIdFor(site.language)
                                     : site.session_expression;
  }
  // " (from sessionIds \"src/**\")" when a per-path setting chose it.
  static std::string SessionSourceNote(const SiteResult& site) {
    if (!site.session_from.starts_with("sessionIds")) return "";
    return " (from " + site.session_from + ")";
  }
  // For a report's header: whether the config's `sessionIds` chose the
  // expression of some site (the run's one is then only the default).
  static bool AnyPerPathSession(const std::vector<FileResult>& files) {
    for (const FileResult& file : files) {
      for (const SiteResult& site : file.sites) {
        if (site.session_from.starts_with("sessionIds")) return true;
      }
    }
    return false;
  }
  static std::string_view SessionIdFlag(Language language) {
    return language == Language::kPhp ? "--php-session-id" : "--session-id";
  }
};

}  // namespace psm

#endif  // PSM_REPORT_REPORT_OPTIONS_H_
