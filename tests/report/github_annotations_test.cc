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

}  // namespace
}  // namespace psm
