#include "report/sarif_report.h"

#include <cctype>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/path_quote.h"
#include "common/strings.h"
#include "report/json_report.h"
#include "report/redact.h"
#include "version.h"

namespace psm {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json";

constexpr std::string_view kNeedsMigration = "psm/needs-migration";
constexpr std::string_view kNeedsReview = "psm/needs-review";
constexpr std::string_view kUnknownMethod = "psm/unknown-method";
constexpr std::string_view kCanUseSession = "psm/can-use-session";

struct Rule {
  std::string_view id;
  std::string_view name;
  FindingLevel level;
  std::string_view description;
  std::string_view help;
};

constexpr Rule kRules[] = {
    {kNeedsMigration, "NeedsMigration", FindingLevel::kError,
     "createSource() payload still needs migrating to payment sessions",
     "Add `sessionId` (the checkout's payment session id) and remove the "
     "fields "
     "payment sessions no longer accept: apply the fix or run "
     "`payment-session-migrate --write`. The removed values must reach the "
     "server-side checkout instead."},
    {kNeedsReview, "NeedsReview", FindingLevel::kError,
     "createSource() payload the tool cannot migrate alone",
     "The message says why. Finish the migration by hand (it may be partly "
     "done), then run the tool again to confirm."},
    {kUnknownMethod, "UnknownMethod", FindingLevel::kWarning,
     "createSource() payload with a payment method the rule table does not "
     "know",
     "Check whether the method accepts payment sessions and, if so, add it to "
     "a "
     "`--rules` file."},
    {kCanUseSession, "CanUseSession", FindingLevel::kNote,
     "DigitalRiver.js call that could use the payment session",
     "This call accepts a payment session too; consider passing `sessionId`."},
};

std::string_view LevelName(FindingLevel level) {
  switch (level) {
    case FindingLevel::kError:
      return "error";
    case FindingLevel::kWarning:
      return "warning";
    case FindingLevel::kNote:
      return "note";
  }
  return "error";
}

std::string MigrationSteps(const SiteResult& site) {
  std::vector<std::string> steps;
  if (site.added_session_id) steps.push_back("add sessionId");
  if (!site.removed.empty()) {
    steps.push_back("remove " + Join(site.removed, ", "));
  }
  return Join(steps, "; ");
}

std::string OrDefault(const std::vector<std::string>& reasons,
                      std::string_view fallback) {
  return reasons.empty() ? std::string(fallback) : Join(reasons, "; ");
}

// A relative URI reference (RFC 3986) for any file name: every byte outside
// the unreserved set and "/" is percent-encoded, so line breaks, bytes that
// are not UTF-8 and a ":" in the first segment (which would read as a
// scheme) all survive.
std::string UriFromPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

Json ArtifactLocation(const FileResult& file) {
  return {{"uri", UriFromPath(file.path)}};
}

Json RuleJson(const Rule& rule) {
  return {{"id", rule.id},
          {"name", rule.name},
          {"shortDescription", {{"text", rule.description}}},
          {"fullDescription", {{"text", rule.description}}},
          {"help", {{"text", rule.help}, {"markdown", rule.help}}},
          {"defaultConfiguration", {{"level", LevelName(rule.level)}}},
          {"properties",
           {{"tags", Json::array({"payment-sessions", "digitalriver"})}}}};
}

Json Driver() {
  Json rules = Json::array();
  for (const Rule& rule : kRules) rules.push_back(RuleJson(rule));
  return {{"name", kToolName},
          {"version", kToolVersion},
          {"semanticVersion", kToolVersion},
          {"rules", rules}};
}

int RuleIndex(std::string_view id) {
  for (size_t i = 0; i < std::size(kRules); ++i) {
    if (kRules[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

Json Replacements(const SiteResult& site) {
  Json replacements = Json::array();
  for (const Replacement& r : site.fixes) {
    replacements.push_back({{"deletedRegion",
                             {{"startLine", r.start_line},
                              {"startColumn", r.start_column},
                              {"endLine", r.end_line},
                              {"endColumn", r.end_column}}},
                            {"insertedContent", {{"text", r.text}}}});
  }
  return replacements;
}

Json Fix(const FileResult& file, const SiteResult& site) {
  std::string steps = MigrationSteps(site);
  return {{"description",
           {{"text", steps.empty() ? "Migrate the payload" : steps}}},
          {"artifactChanges",
           {{{"artifactLocation", ArtifactLocation(file)},
             {"replacements", Replacements(site)}}}}};
}

// Where the reviewer's details go: the ledger and the code excerpt.
Json SiteProperties(const SiteResult& site, const ReportOptions& options) {
  auto shown = [&](const std::string& code) {
    return options.redact ? Redact(code) : code;
  };
  Json ledger = Json::array();
  for (const RemovedField& field : site.ledger) {
    ledger.push_back({{"path", field.path},
                      {"expression", shown(field.expression)},
                      {"line", field.line}});
    if (!field.file.empty()) ledger.back()["file"] = field.file;
  }
  return {{"status", StatusName(site.status)},
          {"language", LanguageName(site.language)},
          {"method", site.method.empty() ? Json(nullptr) : Json(site.method)},
          {"removed", site.removed},
          {"addedSessionId", site.added_session_id},
          {"reasons", site.reasons},
          {"ledger", ledger},
          {"sessionExpression",
           {{"expression", options.SessionIdOf(site).empty()
                               ? Json(nullptr)
                               : Json(options.SessionIdOf(site))},
            {"from", site.session_from.empty() ? Json(nullptr)
                                               : Json(site.session_from)}}},
          {"excerpt",
           {{"startLine", site.excerpt_line}, {"text", shown(site.before)}}}};
}

Json PhysicalLocation(std::string_view path, uint32_t line, uint32_t column) {
  Json region = {{"startLine", line}};
  if (column > 0) region["startColumn"] = column;
  return {{"artifactLocation", {{"uri", UriFromPath(path)}}},
          {"region", region}};
}

// A hop as the linker writes it, "src/checkout.js:88: const p = ...": the
// first ":<line>: " ends the path.
std::optional<Json> HopLocation(const std::string& hop) {
  for (size_t colon = hop.find(':'); colon != std::string::npos;
       colon = hop.find(':', colon + 1)) {
    size_t end = colon + 1;
    while (end < hop.size() &&
           std::isdigit(static_cast<unsigned char>(hop[end])))
      ++end;
    if (end == colon + 1 || hop.compare(end, 2, ": ") != 0) continue;
    uint32_t line = static_cast<uint32_t>(
        std::stoul(hop.substr(colon + 1, end - colon - 1)));
    return Json{
        {"location",
         {{"physicalLocation", PhysicalLocation(hop.substr(0, colon), line, 0)},
          {"message", {{"text", hop.substr(end + 2)}}}}}};
  }
  return std::nullopt;
}

// A payload built in another file: the builder as a related location, and
// the hops from the call to it as one code flow.
void AddBuilderPath(const SiteResult& site, Json* result) {
  if (site.built_file.empty()) return;
  // "[text](1)" links the message to related location 1 (SARIF 3.11.6).
  (*result)["message"]["text"] =
      (*result)["message"]["text"].get<std::string>() + " (built at [" +
      ReadablePath(site.built_file) + ":" + std::to_string(site.built_line) +
      ":" + std::to_string(site.built_column) + "](1))";
  (*result)["relatedLocations"] = Json::array(
      {{{"id", 1},
        {"physicalLocation",
         PhysicalLocation(site.built_file, site.built_line, site.built_column)},
        {"message", {{"text", "the payload is built here"}}}}});
  Json steps = Json::array();
  for (const std::string& hop : site.via) {
    if (std::optional<Json> step = HopLocation(hop)) steps.push_back(*step);
  }
  if (steps.empty()) return;
  (*result)["codeFlows"] = Json::array(
      {{{"message", {{"text", "from the call to where the payload is built"}}},
        {"threadFlows", Json::array({{{"locations", steps}}})}}});
}

Json Result(const FileResult& file, const SiteResult& site,
            const Finding& finding, const ReportOptions& options) {
  Json result = {
      {"ruleId", finding.rule_id},
      {"ruleIndex", RuleIndex(finding.rule_id)},
      {"level", LevelName(finding.level)},
      {"message", {{"text", finding.message}}},
      {"locations",
       {{{"physicalLocation",
          {{"artifactLocation", ArtifactLocation(file)},
           {"region",
            {{"startLine", site.line}, {"startColumn", site.column}}}}}}}},
      {"properties", SiteProperties(site, options)}};
  if (!site.fixes.empty() && !options.write_mode) {
    result["fixes"] = Json::array({Fix(file, site)});
  }
  AddBuilderPath(site, &result);
  return result;
}

Json Notification(const FileResult& file) {
  return {{"level", file.skipped ? "note" : "error"},
          {"message", {{"text", ReadablePath(file.path) + ": " + file.error}}},
          {"locations",
           {{{"physicalLocation",
              {{"artifactLocation", ArtifactLocation(file)}}}}}}};
}

// The same numbers, under the same names, as the JSON report's "summary".
Json Summary(const RunSummary& summary) {
  return Json::parse(JsonReport({}, summary))["summary"];
}

}  // namespace

std::optional<Finding> SiteFinding(const SiteResult& site, bool write_mode) {
  std::string subject = SiteSubject(site);
  switch (site.status) {
    case SiteStatus::kMigrated: {
      if (write_mode) return std::nullopt;
      std::string message =
          subject + " needs migrating: " + MigrationSteps(site);
      for (const std::string& r : site.reasons) message += " [" + r + "]";
      return Finding{kNeedsMigration, FindingLevel::kError, message};
    }
    case SiteStatus::kNeedsReview:
      return Finding{kNeedsReview, FindingLevel::kError,
                     subject + " needs review: " +
                         OrDefault(site.reasons, "see the report")};
    case SiteStatus::kUnknownMethod:
      return Finding{
          kUnknownMethod, FindingLevel::kWarning,
          OrDefault(site.reasons, "payment method not in the rule table")};
    case SiteStatus::kCanUseSession:
      return Finding{
          kCanUseSession, FindingLevel::kNote,
          OrDefault(site.reasons, "this call could use the payment session")};
    case SiteStatus::kAlreadyMigrated:
    case SiteStatus::kIgnored:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string SarifReport(const std::vector<FileResult>& files,
                        const RunSummary& summary,
                        const ReportOptions& options) {
  Json results = Json::array();
  Json notifications = Json::array();
  for (const FileResult& file : files) {
    for (const SiteResult& site : file.sites) {
      std::optional<Finding> finding = SiteFinding(site, options.write_mode);
      if (finding) results.push_back(Result(file, site, *finding, options));
    }
    if (!file.error.empty()) notifications.push_back(Notification(file));
  }
  Json run = {
      {"tool", {{"driver", Driver()}}},
      {"invocations",
       {{{"executionSuccessful", true},
         {"toolExecutionNotifications", notifications}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", results},
      {"properties",
       {{"summary", Summary(summary)},
        {"filesWritten", options.write_mode},
        {"sessionId",
         options.session_id.empty() ? Json(nullptr) : Json(options.session_id)},
        {"phpSessionId", options.php_session_id.empty()
                             ? Json(nullptr)
                             : Json(options.php_session_id)}}}};
  Json sarif = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", {run}}};
  return sarif.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace psm
