#ifndef PSM_MIGRATE_FILE_RESULT_H_
#define PSM_MIGRATE_FILE_RESULT_H_

#include <string>
#include <vector>

#include "edit/site_plan.h"
#include "syntax/language.h"

namespace psm {

// A property the migration removed, for the reviewer's ledger: with payment
// sessions its value must now reach the server-side checkout instead.
struct RemovedField {
  std::string path;        // "payPal.items"
  std::string expression;  // its value as written, e.g. "lineItems"
  uint32_t line = 0;       // where it stood
  // The file it stood in (display path) when not where the site's payload
  // is built: a base class's file, whose `super.build()` object lost it.
  // "" otherwise.
  std::string file;
};

// One replacement in line/column terms (1-based, columns in characters;
// the end is exclusive), as SARIF `fixes` carry them.
struct Replacement {
  uint32_t start_line = 0, start_column = 0, end_line = 0, end_column = 0;
  std::string text;
};

// One createSource() call, or one PHP payload array, as the reports show
// it.
struct SiteResult {
  uint32_t line = 0;    // 1-based, of the call (of the array, in PHP)
  uint32_t column = 0;  // 1-based, in characters
  Language language = Language::kJavaScript;  // of the code at the site
  SiteStatus status = SiteStatus::kNeedsReview;
  std::string method;
  std::vector<std::string> removed;
  bool added_session_id = false;
  std::vector<std::string> reasons;
  std::vector<RemovedField> ledger;
  std::vector<Replacement> fixes;  // the site's own edits
  // The changed lines before and after (or the call's first lines when
  // nothing changes), starting at `excerpt_line` in the original file.
  uint32_t excerpt_line = 0;
  std::string before;
  std::string after;
  // Where the payload is built when in another file (`built_file` empty
  // for a payload of this file), and the hops from the call to it.
  std::string built_file;
  uint32_t built_line = 0, built_column = 0;
  std::vector<std::string> via;
  // The `sessionId` expression this site's payload gets ("" for the
  // placeholder) and where it comes from: "--session-id", `sessionIds
  // "glob"`, "sessionId", "placeholder" (see SessionChoice).
  std::string session_expression;
  std::string session_from;
  // Internal: where the call starts in the file (to match a site with the
  // project model's answer), and whether this entry is a builder of
  // payloads for calls in other files rather than a call.
  uint32_t call_offset = 0;
  bool builder = false;
};

// How messages name a site: "payPal payload", or "payPal payload array"
// for one built in PHP.
inline std::string SiteSubject(const SiteResult& site) {
  std::string noun =
      site.language == Language::kPhp ? "payload array" : "payload";
  return site.method.empty() ? noun : site.method + " " + noun;
}

// Everything the run learned about one file. Texts are kept only while the
// file is being rendered; the model that reports aggregate is small.
struct FileResult {
  std::string path;  // as shown to the user (relative to the working dir)
  std::vector<SiteResult> sites;
  bool changed = false;  // the migrated text differs from the original
  std::string error;     // set when the file could not be processed
  bool skipped = false;  // not processed (binary, too large, ...), see error
  // Skipped as too large or binary, yet its bytes name createSource: not
  // judged, so a --check must not pass it.
  bool unjudged = false;
  // Changed only because it builds payloads for calls in other files.
  bool changed_for_others = false;
  // createSource calls that are not sites, and why (--verbose lists them).
  struct PassedOver {
    uint32_t line = 0;
    uint32_t column = 0;
    std::string why;
    std::string_view what = "createSource";  // PassedOverCall::what
  };
  std::vector<PassedOver> passed_over;
};

// The file's rewrite could not be written (`error`, e.g. "cannot write:
// No space left on device"): nothing changed, so its sites that were to
// be edited are needs-review, saying so, not `migrated`. (A builder's
// entries are answered through the calls they build for, which name the
// builder's file.)
inline void MarkNotWritten(FileResult* file, std::string error) {
  for (SiteResult& s : file->sites) {
    if (s.builder || (s.status != SiteStatus::kMigrated && s.fixes.empty() &&
                      s.removed.empty() && !s.added_session_id))
      continue;
    s.status = SiteStatus::kNeedsReview;
    s.removed.clear();
    s.added_session_id = false;
    s.ledger.clear();
    s.fixes.clear();
    s.reasons.push_back("the file could not be written (" + error +
                        "); nothing in it was changed");
  }
  file->error = std::move(error);
  file->changed = false;
  file->changed_for_others = false;
}

}  // namespace psm

#endif  // PSM_MIGRATE_FILE_RESULT_H_
