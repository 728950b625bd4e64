#ifndef PSM_REPORT_REPORT_OPTIONS_H_
#define PSM_REPORT_REPORT_OPTIONS_H_

#include <string>

namespace psm {

// What the review reports (Markdown, HTML, SARIF) show and how.
struct ReportOptions {
  // Hide string literals that look like personal or card data (--no-redact
  // turns it off): reports end up in CI logs and pull requests.
  bool redact = true;
  // The --session-id expression; "" means the tool inserted its placeholder.
  std::string session_id;
  // --write: migrated sites are done, not findings, and fixes are applied.
  bool write_mode = false;
};

}  // namespace psm

#endif  // PSM_REPORT_REPORT_OPTIONS_H_
