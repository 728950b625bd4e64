#include "report/run_summary.h"

namespace psm {

void RunSummary::Add(const FileResult& file) {
  ++files;
  if (file.changed) ++files_changed;
  if (file.changed && file.changed_for_others) ++files_changed_for_others;
  if (!file.error.empty()) ++errors;
  if (file.skipped) ++skipped;
  if (file.unjudged) ++unjudged;
  for (const SiteResult& site : file.sites) {
    ++sites;
    switch (site.status) {
      case SiteStatus::kMigrated:
        ++migrated;
        break;
      case SiteStatus::kAlreadyMigrated:
        ++already_migrated;
        break;
      case SiteStatus::kNeedsReview:
        ++needs_review;
        break;
      case SiteStatus::kUnknownMethod:
        ++unknown_method;
        break;
      case SiteStatus::kIgnored:
        ++ignored;
        break;
      case SiteStatus::kCanUseSession:
        ++can_use_session;
        break;
    }
  }
}

std::string RunSummary::OneLine(bool write_mode) const {
  auto n = [](int count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
  };
  std::string line =
      n(files, "file", "files") + " scanned, " + std::to_string(files_changed) +
      (write_mode ? " changed" : " would change") +
      (files_changed_for_others > 0
           ? " (" + std::to_string(files_changed_for_others) +
                 " for calls in other files)"
           : "") +
      "; " + n(sites, "call site", "call sites") + ": " +
      std::to_string(migrated) + (write_mode ? " migrated" : " to migrate") +
      ", " + std::to_string(already_migrated) + " already migrated, " +
      std::to_string(needs_review) + " need review, " +
      std::to_string(unknown_method) + " unknown method";
  if (ignored > 0) line += ", " + std::to_string(ignored) + " ignored";
  if (can_use_session > 0) {
    line += "; " + n(can_use_session, "other call", "other calls") +
            " could use the session";
  }
  if (skipped > 0) line += "; " + n(skipped, "file", "files") + " skipped";
  if (errors > skipped) line += "; " + n(errors - skipped, "error", "errors");
  return line;
}

}  // namespace psm
