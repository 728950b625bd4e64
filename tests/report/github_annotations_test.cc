#include "report/github_annotations.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

SiteResult Site(SiteStatus status, uint32_t line,
                std::vector<std::string> reasons = {}) {
  SiteResult site;
  site.line = line;
  site.column = 7;
  site.status = status;
  site.method = "payPal";
  site.removed = {"amount"};
  site.added_session_id = true;
  site.reasons = std::move(reasons);
  return site;
}

TEST(GithubAnnotationsTest, SitesToMigrateOrReviewAreErrors) {
  FileResult file{"src/a.js",
                  {Site(SiteStatus::kMigrated, 3),
                   Site(SiteStatus::kNeedsReview, 9, {"why"})},
                  true,
                  "",
                  false};
  EXPECT_EQ(GithubAnnotations(file, false),
            "::error file=src/a.js,line=3,col=7,title=payment-session-migrate::"
            "payPal payload needs migrating: add sessionId; remove amount\n"
            "::error file=src/a.js,line=9,col=7,title=payment-session-migrate::"
            "payPal payload needs review: why\n");
}

TEST(GithubAnnotationsTest, UnknownMethodsWarnAndSessionCandidatesAreNotices) {
  FileResult file{
      "a.js",
      {Site(SiteStatus::kUnknownMethod, 1, {"type `alipay` is unknown"}),
       Site(SiteStatus::kCanUseSession, 2, {"could take sessionId"})},
      false,
      "",
      false};
  EXPECT_EQ(GithubAnnotations(file, false),
            "::warning file=a.js,line=1,col=7,title=payment-session-migrate::"
            "type `alipay` is unknown\n"
            "::notice file=a.js,line=2,col=7,title=payment-session-migrate::"
            "could take sessionId\n");
}

TEST(GithubAnnotationsTest, FinishedSitesAreNotAnnotated) {
  FileResult file{
      "a.js",
      {Site(SiteStatus::kAlreadyMigrated, 1), Site(SiteStatus::kIgnored, 2),
       Site(SiteStatus::kMigrated, 3)},
      true,
      "",
      false};
  EXPECT_EQ(GithubAnnotations(file, true), "");
  EXPECT_NE(GithubAnnotations(file, false), "");
}

TEST(GithubAnnotationsTest, EscapesMessagesAndProperties) {
  FileResult file{
      "dir,x/a:b%.js",
      {Site(SiteStatus::kNeedsReview, 4, {"100% sure,\r\nnot: really"})},
      false,
      "",
      false};
  EXPECT_EQ(
      GithubAnnotations(file, false),
      "::error "
      "file=dir%2Cx/a%3Ab%25.js,line=4,col=7,title=payment-session-migrate::"
      "payPal payload needs review: 100%25 sure,%0D%0Anot: really\n");
}

TEST(GithubAnnotationsTest, FilesThatFailedAreErrorsAndSkippedOnesAreQuiet) {
  FileResult broken{"b.js", {}, false, "cannot read: Permission denied", false};
  EXPECT_EQ(GithubAnnotations(broken, false),
            "::error file=b.js,title=payment-session-migrate::cannot read: "
            "Permission denied\n");
  FileResult skipped{"big.js", {}, false, "larger than 4 MiB", true};
  EXPECT_EQ(GithubAnnotations(skipped, false), "");
}

// The runner turns the escapes back into the name, so GitHub finds the file;
// a name it could not carry (not UTF-8), or one that would read as quoted,
// is given quoted.
TEST(GithubAnnotationsTest, NamesAreEscapedOrQuotedSoTheyReadBackExactly) {
  auto file_property = [](std::string path) {
    FileResult file{std::move(path), {}, false, "oops", false};
    std::string line = GithubAnnotations(file, false);
    return line.substr(0, line.find(",title="));
  };
  EXPECT_EQ(file_property("new\nline.js"), "::error file=new%0Aline.js");
  EXPECT_EQ(file_property("ta\tb \"q\".js"), "::error file=ta\tb \"q\".js");
  EXPECT_EQ(file_property("bad\xffname.js"),
            "::error file=\"bad\\377name.js\"");
  EXPECT_EQ(file_property("\"q\".js"), "::error file=\"\\\"q\\\".js\"");
  EXPECT_EQ(file_property("\"a,b\xff"), "::error file=\"\\\"a%2Cb\\377\"");
  // Control bytes never reach the log raw (an ESC would recolour it).
  EXPECT_EQ(file_property("ctrl\x1b[31m.js"),
            "::error file=\"ctrl\\033[31m.js\"");
  FileResult file{"a.js", {}, false, "bad \x1b[2J byte", false};
  std::string line = GithubAnnotations(file, false);
  EXPECT_EQ(line.find('\x1b'), std::string::npos) << line;
  EXPECT_NE(line.find("bad \\x1b[2J byte"), std::string::npos) << line;
}

}  // namespace
}  // namespace psm
