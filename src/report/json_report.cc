#include "report/json_report.h"

#include <nlohmann/json.hpp>

#include "common/path_quote.h"
#include "report/redact.h"
#include "version.h"

namespace psm {

namespace {

using Json = nlohmann::ordered_json;

// `{"file": ...}` followed by `fields`. JSON strings are Unicode, so a name
// that is not UTF-8 is given quoted, with "fileQuoted": true, and its exact
// bytes can be had back (UnquotePath); any other name is given as it is.
Json Named(const std::string& path, Json fields) {
  Json named;
  if (IsUtf8(path)) {
    named["file"] = path;
  } else {
    named["file"] = ReadablePath(path);
    named["fileQuoted"] = true;
  }
  named.update(fields);
  return named;
}

// Every removed property with its original expression: with payment
// sessions these values must reach the server-side checkout instead.
Json Ledger(const SiteResult& site, bool redact) {
  Json ledger = Json::array();
  for (const RemovedField& field : site.ledger) {
    std::string expression =
        redact ? Redact(field.expression) : field.expression;
    ledger.push_back({{"path", field.path},
                      {"expression", expression},
                      {"line", field.line}});
    if (!field.file.empty()) ledger.back()["file"] = field.file;
  }
  return ledger;
}

// Where the payload literal is built: the call itself when it is built in
// the file, else the builder in another file.
Json BuiltAt(const FileResult& file, const SiteResult& site) {
  if (site.built_file.empty()) {
    return {{"file", file.path}, {"line", site.line}, {"column", site.column}};
  }
  return {{"file", site.built_file},
          {"line", site.built_line},
          {"column", site.built_column}};
}

// Which `sessionId` expression the site's payload gets (null: the
// placeholder), and from where.
Json SessionExpression(const SiteResult& site) {
  return {{"expression", site.session_expression.empty()
                             ? Json(nullptr)
                             : Json(site.session_expression)},
          {"from", site.session_from.empty() ? Json(nullptr)
                                             : Json(site.session_from)}};
}

}  // namespace

std::string JsonReport(const std::vector<FileResult>& files,
                       const RunSummary& summary, bool redact) {
  Json sites = Json::array();
  Json errors = Json::array();
  for (const FileResult& file : files) {
    for (const SiteResult& site : file.sites) {
      sites.push_back(Named(
          file.path,
          {{"line", site.line},
           {"column", site.column},
           {"language", LanguageName(site.language)},
           {"method", site.method.empty() ? Json(nullptr) : Json(site.method)},
           {"status", StatusName(site.status)},
           {"removed", site.removed},
           {"addedSessionId", site.added_session_id},
           {"reasons", site.reasons},
           {"ledger", Ledger(site, redact)},
           {"builtAt", BuiltAt(file, site)},
           {"via", site.via},
           {"sessionExpression", SessionExpression(site)}}));
    }
    if (!file.error.empty()) {
      errors.push_back(Named(file.path, {{"message", file.error}}));
    }
  }
  Json report = {
      {"version", 1},
      {"tool", {{"name", kToolName}, {"version", kToolVersion}}},
      {"sites", sites},
      {"summary",
       {{"files", summary.files},
        {"filesChanged", summary.files_changed},
        {"filesChangedForOtherFiles", summary.files_changed_for_others},
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
  // Invalid UTF-8 in an excerpt or a message must not abort the report.
  return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace psm
