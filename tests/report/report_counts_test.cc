// Every report carries the same counts as the JSON report's "summary".
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "report/html_report.h"
#include "report/json_report.h"
#include "report/markdown_report.h"
#include "report/sarif_report.h"

namespace psm {
namespace {

using Json = nlohmann::json;

SiteResult Site(SiteStatus status, const std::string& method) {
  SiteResult site;
  site.line = 1;
  site.column = 1;
  site.status = status;
  site.method = method;
  site.before = site.after = "dr.createSource(p);\n";
  return site;
}

// Every status, several methods, an error, a skipped file and a quiet file.
std::vector<FileResult> SampleRun() {
  using S = SiteStatus;
  FileResult a{
      "a.js",
      {Site(S::kMigrated, "payPal"), Site(S::kMigrated, "payPal"),
       Site(S::kMigrated, "klarnaCredit"), Site(S::kAlreadyMigrated, "payPal"),
       Site(S::kNeedsReview, ""), Site(S::kNeedsReview, "creditCard")},
      true,
      "",
      false};
  FileResult b{"b.ts",
               {Site(S::kUnknownMethod, "alipay"), Site(S::kIgnored, "payPal"),
                Site(S::kCanUseSession, ""), Site(S::kCanUseSession, "")},
               true,
               "",
               false};
  FileResult quiet{"quiet.js", {}, false, "", false};
  FileResult broken{"broken.js", {}, false, "cannot read", false};
  FileResult big{"big.min.js", {}, false, "minified", true};
  return {a, b, quiet, broken, big};
}

RunSummary SummaryOf(const std::vector<FileResult>& files) {
  RunSummary summary;
  for (const FileResult& file : files) summary.Add(file);
  return summary;
}

Json JsonSummary(const std::vector<FileResult>& files) {
  return Json::parse(JsonReport(files, SummaryOf(files)))["summary"];
}

// The Markdown summary table's rows under the JSON report's keys.
std::map<std::string, int> MarkdownCounts(const std::string& md) {
  const std::map<std::string, std::string> keys = {
      {"Files scanned", "files"},
      {"Files to change", "filesChanged"},
      {"Files changed for calls in other files", "filesChangedForOtherFiles"},
      {"Call sites", "sites"},
      {"To migrate", "migrated"},
      {"Already migrated", "alreadyMigrated"},
      {"Needs review", "needsReview"},
      {"Unknown method", "unknownMethod"},
      {"Ignored", "ignored"},
      {"Could use the session", "canUseSession"},
      {"Files skipped", "skipped"},
      {"Errors", "errors"}};
  std::map<std::string, int> counts;
  std::regex row(R"(\n\| ([A-Za-z ]+) \| (\d+) \|)");
  for (std::sregex_iterator it(md.begin(), md.end(), row), end; it != end;
       ++it) {
    auto key = keys.find((*it)[1]);
    if (key != keys.end()) counts[key->second] = std::stoi((*it)[2]);
  }
  return counts;
}

std::map<std::string, int> HtmlCounts(const std::string& html) {
  std::map<std::string, int> counts;
  std::regex cell(R"re(id="count-[a-z-]+" data-key="(\w+)">(\d+)<)re");
  for (std::sregex_iterator it(html.begin(), html.end(), cell), end; it != end;
       ++it) {
    counts[(*it)[1]] = std::stoi((*it)[2]);
  }
  return counts;
}

std::map<std::string, int> AsMap(const Json& summary) {
  return summary.get<std::map<std::string, int>>();
}

TEST(ReportCountsTest, MarkdownCarriesTheJsonReportCounts) {
  std::vector<FileResult> files = SampleRun();
  std::string md = MarkdownReport(files, SummaryOf(files), {});
  EXPECT_EQ(MarkdownCounts(md), AsMap(JsonSummary(files))) << md;
  EXPECT_NE(md.find("| **Total** | 3 | 1 | 2 | 1 | 1 | 2 | 10 |"),
            std::string::npos)
      << md;
}

TEST(ReportCountsTest, HtmlCarriesTheJsonReportCounts) {
  std::vector<FileResult> files = SampleRun();
  std::string html = HtmlReport(files, SummaryOf(files), {});
  EXPECT_EQ(HtmlCounts(html), AsMap(JsonSummary(files)));
  std::regex card(R"(<article class="site")");
  EXPECT_EQ(std::distance(std::sregex_iterator(html.begin(), html.end(), card),
                          std::sregex_iterator()),
            10);
}

TEST(ReportCountsTest, SarifCarriesTheJsonReportCounts) {
  std::vector<FileResult> files = SampleRun();
  RunSummary summary = SummaryOf(files);
  for (bool write_mode : {false, true}) {
    ReportOptions options;
    options.write_mode = write_mode;
    Json run = Json::parse(SarifReport(files, summary, options))["runs"][0];
    EXPECT_EQ(run["properties"]["summary"], JsonSummary(files));
    int findings = summary.needs_review + summary.unknown_method +
                   summary.can_use_session +
                   (write_mode ? 0 : summary.migrated);
    EXPECT_EQ(run["results"].size(), static_cast<size_t>(findings));
  }
}

}  // namespace
}  // namespace psm
