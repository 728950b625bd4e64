#include "report/sarif_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "report/json_report.h"

namespace psm {
namespace {

using Json = nlohmann::json;

SiteResult Site(SiteStatus status, uint32_t line) {
  SiteResult site;
  site.line = line;
  site.column = 9;
  site.status = status;
  site.method = "payPal";
  return site;
}

SiteResult MigratedSite() {
  SiteResult site = Site(SiteStatus::kMigrated, 10);
  site.removed = {"amount"};
  site.added_session_id = true;
  site.ledger = {{"payPal.shipping", "{ recipient: 'Jane Doe' }", 12}};
  site.fixes = {{11, 5, 11, 5, "sessionId: s,\n    "}, {12, 5, 13, 5, ""}};
  site.excerpt_line = 11;
  site.before = "    type: 'payPal',\n    email: 'jane@example.com',\n";
  return site;
}

std::vector<FileResult> Sample() {
  FileResult a{
      "src/my checkout.js",
      {MigratedSite(), Site(SiteStatus::kAlreadyMigrated, 20),
       Site(SiteStatus::kNeedsReview, 30), Site(SiteStatus::kUnknownMethod, 40),
       Site(SiteStatus::kIgnored, 50), Site(SiteStatus::kCanUseSession, 60)},
      true,
      "",
      false};
  FileResult broken{
      "src/broken.js", {}, false, "cannot read: Permission denied", false};
  return {a, broken};
}

RunSummary SummaryOf(const std::vector<FileResult>& files) {
  RunSummary summary;
  for (const FileResult& file : files) summary.Add(file);
  return summary;
}

Json Render(const std::vector<FileResult>& files, ReportOptions options = {}) {
  return Json::parse(SarifReport(files, SummaryOf(files), options));
}

std::vector<std::string> RuleIds(const Json& results) {
  std::vector<std::string> ids;
  for (const Json& result : results) ids.push_back(result["ruleId"]);
  return ids;
}

TEST(SarifReportTest, IsSarif210WithOneRunAndItsRules) {
  Json sarif = Render(Sample());
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_TRUE(
      sarif["$schema"].get<std::string>().ends_with("sarif-schema-2.1.0.json"));
  ASSERT_EQ(sarif["runs"].size(), 1u);
  const Json& run = sarif["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["tool"]["driver"]["name"], "payment-session-migrate");
  EXPECT_EQ(run["tool"]["driver"]["version"], "0.1.0");
  std::set<std::string> rules;
  for (const Json& rule : run["tool"]["driver"]["rules"]) {
    rules.insert(rule["id"].get<std::string>());
    EXPECT_TRUE(rule["shortDescription"]["text"].is_string());
    EXPECT_TRUE(rule["defaultConfiguration"]["level"].is_string());
  }
  EXPECT_EQ(rules, (std::set<std::string>{
                       "psm/needs-migration", "psm/needs-review",
                       "psm/unknown-method", "psm/can-use-session"}));
}

TEST(SarifReportTest, OneResultPerSiteThatStillNeedsWork) {
  Json results = Render(Sample())["runs"][0]["results"];
  EXPECT_EQ(
      RuleIds(results),
      (std::vector<std::string>{"psm/needs-migration", "psm/needs-review",
                                "psm/unknown-method", "psm/can-use-session"}));
  std::vector<std::string> levels;
  for (const Json& result : results) levels.push_back(result["level"]);
  EXPECT_EQ(levels,
            (std::vector<std::string>{"error", "error", "warning", "note"}));
}

TEST(SarifReportTest, MigratedSitesAreNoFindingsAfterWrite) {
  ReportOptions options;
  options.write_mode = true;
  Json results = Render(Sample(), options)["runs"][0]["results"];
  EXPECT_EQ(RuleIds(results),
            (std::vector<std::string>{"psm/needs-review", "psm/unknown-method",
                                      "psm/can-use-session"}));
}

TEST(SarifReportTest, ResultsPointAtTheCallAndTheirRule) {
  Json run = Render(Sample())["runs"][0];
  for (const Json& result : run["results"]) {
    int index = result["ruleIndex"];
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], result["ruleId"]);
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
  }
  const Json& location = run["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "src/my%20checkout.js");
  EXPECT_EQ(location["region"]["startLine"], 10);
  EXPECT_EQ(location["region"]["startColumn"], 9);
  EXPECT_EQ(run["results"][0]["message"]["text"],
            "payPal payload needs migrating: add sessionId; remove amount");
}

TEST(SarifReportTest, FixesCarryTheSiteReplacements) {
  Json results = Render(Sample())["runs"][0]["results"];
  ASSERT_EQ(results[0]["fixes"].size(), 1u);
  const Json& change = results[0]["fixes"][0]["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "src/my%20checkout.js");
  ASSERT_EQ(change["replacements"].size(), 2u);
  EXPECT_EQ(
      change["replacements"][0],
      Json::parse(
          R"({"deletedRegion": {"startLine": 11, "startColumn": 5, "endLine": 11,
                            "endColumn": 5}, "insertedContent": {"text": "sessionId: s,\n    "}})"));
  EXPECT_EQ(change["replacements"][1]["deletedRegion"]["endLine"], 13);
  EXPECT_FALSE(results[1].contains("fixes"))
      << "a site without edits has no fix";
}

TEST(SarifReportTest, FixesAreLeftOutOnceApplied) {
  std::vector<FileResult> files = Sample();
  files[0].sites[2].fixes = files[0].sites[0].fixes;
  ReportOptions options;
  options.write_mode = true;
  Json results = Render(files, options)["runs"][0]["results"];
  EXPECT_EQ(results[0]["ruleId"], "psm/needs-review");
  EXPECT_FALSE(results[0].contains("fixes"));
}

TEST(SarifReportTest, RunPropertiesCarryTheJsonReportSummary) {
  std::vector<FileResult> files = Sample();
  Json json = Json::parse(JsonReport(files, SummaryOf(files)));
  EXPECT_EQ(Render(files)["runs"][0]["properties"]["summary"], json["summary"]);
}

TEST(SarifReportTest, FileErrorsAreToolExecutionNotifications) {
  Json invocation = Render(Sample())["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1u);
  const Json& note = invocation["toolExecutionNotifications"][0];
  EXPECT_EQ(note["level"], "error");
  EXPECT_EQ(note["message"]["text"],
            "src/broken.js: cannot read: Permission denied");
}

TEST(SarifReportTest, ReviewerDetailsAreRedactedUnlessToldNot) {
  Json properties = Render(Sample())["runs"][0]["results"][0]["properties"];
  EXPECT_EQ(properties["ledger"][0]["expression"],
            "{ recipient: '[redacted]' }");
  EXPECT_EQ(properties["excerpt"]["text"],
            "    type: 'payPal',\n    email: '[redacted]',\n");
  ReportOptions plain;
  plain.redact = false;
  properties = Render(Sample(), plain)["runs"][0]["results"][0]["properties"];
  EXPECT_EQ(properties["ledger"][0]["expression"], "{ recipient: 'Jane Doe' }");
}

// A URI carries any byte percent-encoded; a ":" in the first segment
// would otherwise read as a scheme.
TEST(SarifReportTest, UrisPercentEncodeEveryByteANameCanHold) {
  std::vector<FileResult> files = Sample();
  files[0].path = "a:b/new\nline \"q\"\xff\xc3\xa9%.js";
  files[1].path = "bad\xff.js";
  Json run = Render(files)["runs"][0];
  EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]
               ["artifactLocation"]["uri"],
            "a%3Ab/new%0Aline%20%22q%22%FF%C3%A9%25.js");
  EXPECT_EQ(
      run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
      "\"bad\\377.js\": cannot read: Permission denied");
}

}  // namespace
}  // namespace psm
