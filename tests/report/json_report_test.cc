#include "report/json_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/path_quote.h"

namespace psm {
namespace {

nlohmann::json Report(const std::string& path) {
  SiteResult site;
  site.line = 2;
  site.column = 1;
  site.status = SiteStatus::kNeedsReview;
  std::vector<FileResult> files = {
      {path, {site}, false, "", false},
      {path + ".broken", {}, false, "cannot read: Permission denied", false}};
  RunSummary summary;
  for (const FileResult& file : files) summary.Add(file);
  return nlohmann::json::parse(JsonReport(files, summary));
}

TEST(JsonReportTest, Utf8NamesAreGivenAsTheyAreWithoutAFlag) {
  nlohmann::json report = Report("new\nline \"\xc3\xa9\".js");
  EXPECT_EQ(report["sites"][0]["file"], "new\nline \"\xc3\xa9\".js");
  EXPECT_FALSE(report["sites"][0].contains("fileQuoted"));
  EXPECT_EQ(report["errors"][0]["file"], "new\nline \"\xc3\xa9\".js.broken");
}

// JSON cannot hold the byte 0xff; the quoted name can, and gives it back.
TEST(JsonReportTest, NamesThatAreNotUtf8AreQuotedAndFlagged) {
  nlohmann::json report = Report("bad\xffname.js");
  const nlohmann::json& site = report["sites"][0];
  EXPECT_EQ(site["file"], "\"bad\\377name.js\"");
  EXPECT_EQ(site["fileQuoted"], true);
  EXPECT_EQ(UnquotePath(site["file"].get<std::string>()), "bad\xffname.js");
  EXPECT_EQ(site["line"], 2);
  EXPECT_EQ(report["errors"][0]["fileQuoted"], true);
  EXPECT_EQ(report["errors"][0]["message"], "cannot read: Permission denied");
}

}  // namespace
}  // namespace psm
