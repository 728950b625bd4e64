#include "report/json_report.h"

#include <nlohmann/json.hpp>

#include "report/redact.h"
#include "version.h"

namespace psm {

namespace {

// Every removed property with its original expression: with payment
// sessions these values must reach the server-side checkout instead.
nlohmann::ordered_json Ledger(const SiteResult& site, bool redact) {
  nlohmann::ordered_json ledger = nlohmann::ordered_json::array();
  for (const RemovedField& field : site.ledger) {
    std::string expression =
        redact ? Redact(field.expression) : field.expression;
    ledger.push_back({{"path", field.path},
                      {"expression", expression},
                      {"line", field.line}});
  }
  return ledger;
}

}  // namespace

std::string JsonReport(const std::vector<FileResult>& files,
                       const RunSummary& summary, bool redact) {
  using Json = nlohmann::ordered_json;
  Json sites = Json::array();
  Json errors = Json::array();
  for (const FileResult& file : files) {
    for (const SiteResult& site : file.sites) {
      sites.push_back(
          {{"file", file.path},
           {"line", site.line},
           {"column", site.column},
           {"method", site.method.empty() ? Json(nullptr) : Json(site.method)},
           {"status", StatusName(site.status)},
           {"removed", site.removed},
           {"addedSessionId", site.added_session_id},
           {"reasons", site.reasons},
           {"ledger", Ledger(site, redact)}});
    }
    if (!file.error.empty()) {
      errors.push_back({{"file", file.path}, {"message", file.error}});
    }
  }
  Json report = {{"version", 1},
                 {"tool", {{"name", kToolName}, {"version", kToolVersion}}},
                 {"sites", sites},
                 {"summary",
                  {{"files", summary.files},
                   {"filesChanged", summary.files_changed},
                   {"sites", summary.sites},
                   {"migrated", summary.migrated},
                   {"alreadyMigrated", summary.already_migrated},
                   {"needsReview", summary.needs_review},
                   {"unknownMethod", summary.unknown_method},
                   {"ignored", summary.ignored},
                   {"canUseSession", summary.can_use_session},
                   {"skipped", summary.skipped},
                   {"errors", summary.errors}}},
                 {"errors", errors}};
  // Invalid UTF-8 in a path or excerpt must not abort the report.
  return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace psm
