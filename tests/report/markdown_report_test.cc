#include "report/markdown_report.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace psm {
namespace {

SiteResult PayPalSite() {
  SiteResult site;
  site.line = 12;
  site.column = 5;
  site.status = SiteStatus::kMigrated;
  site.method = "payPal";
  site.removed = {"amount", "payPal.items"};
  site.added_session_id = true;
  site.ledger = {{"amount", "cart.total", 14},
                 {"payPal.items", "lineItems", 17}};
  site.excerpt_line = 13;
  site.before = "  type: 'payPal',\n  amount: cart.total,\n";
  site.after = "  type: 'payPal',\n  sessionId: checkout.payment.session.id,\n";
  return site;
}

SiteResult ReviewSite() {
  SiteResult site;
  site.line = 40;
  site.column = 3;
  site.status = SiteStatus::kNeedsReview;
  site.reasons = {"type is `selectedMethod`, not a string literal"};
  site.excerpt_line = 40;
  site.before = "dr.createSource({ type: t, email: \"jane@example.com\" });\n";
  site.after = site.before;
  return site;
}

std::vector<FileResult> Sample() {
  FileResult checkout{
      "src/checkout.js", {PayPalSite(), ReviewSite()}, true, "", false};
  FileResult quiet{"src/quiet.js", {}, false, "", false};
  FileResult broken{
      "src/broken.js", {}, false, "cannot read: Permission denied", false};
  return {checkout, quiet, broken};
}

RunSummary SummaryOf(const std::vector<FileResult>& files) {
  RunSummary summary;
  for (const FileResult& file : files) summary.Add(file);
  return summary;
}

std::string Render(const std::vector<FileResult>& files,
                   ReportOptions options = {}) {
  return MarkdownReport(files, SummaryOf(files), options);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(MarkdownReportTest, SummaryTableCarriesTheRunSummaryCounts) {
  std::string md = Render(Sample());
  EXPECT_TRUE(Has(md, "| Files scanned | 3 |\n")) << md;
  EXPECT_TRUE(Has(md, "| Files to change | 1 |\n")) << md;
  EXPECT_TRUE(Has(md, "| Call sites | 2 |\n")) << md;
  EXPECT_TRUE(Has(md, "| To migrate | 1 |\n")) << md;
  EXPECT_TRUE(Has(md, "| Needs review | 1 |\n")) << md;
  EXPECT_TRUE(Has(md, "| Errors | 1 |\n")) << md;
}

TEST(MarkdownReportTest, WriteModeSaysWhatWasDone) {
  ReportOptions options;
  options.write_mode = true;
  std::string md = Render(Sample(), options);
  EXPECT_TRUE(Has(md, "| Migrated | 1 |\n")) << md;
  EXPECT_TRUE(Has(md, "| Files changed | 1 |\n")) << md;
  EXPECT_TRUE(Has(md, "Removed: `amount`, `payPal.items`")) << md;
}

TEST(MarkdownReportTest, TablesSitesByMethodAndStatus) {
  std::string md = Render(Sample());
  EXPECT_TRUE(Has(md, "| Method | migrated | needs-review | Total |\n")) << md;
  EXPECT_TRUE(Has(md, "| (unknown) | 0 | 1 | 1 |\n")) << md;
  EXPECT_TRUE(Has(md, "| `payPal` | 1 | 0 | 1 |\n")) << md;
  EXPECT_TRUE(Has(md, "| **Total** | 1 | 1 | 2 |\n")) << md;
}

TEST(MarkdownReportTest, EscapesPipesInTableCells) {
  std::vector<FileResult> files = Sample();
  files[0].sites[0].method = "pay|Pal";
  EXPECT_TRUE(Has(Render(files), "| `pay\\|Pal` | 1 | 0 | 1 |\n"));
}

TEST(MarkdownReportTest, ListsOnlyFilesWithSitesOrErrors) {
  std::string md = Render(Sample());
  EXPECT_TRUE(Has(md, "### `src/checkout.js`")) << md;
  EXPECT_TRUE(Has(
      md, "### `src/broken.js`\n\n**Error:** cannot read: Permission denied"))
      << md;
  EXPECT_FALSE(Has(md, "quiet.js")) << md;
}

TEST(MarkdownReportTest, EachSiteShowsLineStatusRemovedFieldsAndSessionId) {
  ReportOptions options;
  options.session_id = "checkout.payment.session.id";
  std::string md = Render(Sample(), options);
  EXPECT_TRUE(Has(md,
                  "- **Line 12** · `payPal` · **migrated**\n"
                  "  - Removes: `amount`, `payPal.items`\n"
                  "  - Adds `sessionId`: `checkout.payment.session.id`\n"))
      << md;
  EXPECT_TRUE(Has(Render(Sample()), "Adds `sessionId`: placeholder"));
}

TEST(MarkdownReportTest, NeedsReviewSitesShowReasonAndExcerpt) {
  std::string md = Render(Sample());
  EXPECT_TRUE(Has(md,
                  "- **Line 40** · method unknown · **needs-review**\n"
                  "  - Reason: type is `selectedMethod`, not a string literal\n"
                  "  - Excerpt from line 40:\n\n"
                  "  ```js\n  dr.createSource({ type: t, email: \"[redacted]\" "
                  "});\n  ```\n"))
      << md;
  EXPECT_FALSE(Has(md, "```diff")) << "migrated sites get no excerpt:\n" << md;
}

TEST(MarkdownReportTest, ChangedReviewSitesShowADiff) {
  std::vector<FileResult> files = Sample();
  files[0].sites[0].status = SiteStatus::kNeedsReview;
  std::string md = Render(files);
  EXPECT_TRUE(Has(md,
                  "  ```diff\n"
                  "     type: 'payPal',\n"
                  "  -  amount: cart.total,\n"
                  "  +  sessionId: checkout.payment.session.id,\n"
                  "  ```\n"))
      << md;
}

TEST(MarkdownReportTest, CodeFencesOutgrowBackticksInTheCode) {
  std::vector<FileResult> files = Sample();
  files[0].sites[1].before = files[0].sites[1].after = "x = `a ``` b`;\n";
  std::string md = Render(files);
  EXPECT_TRUE(Has(md, "  ````js\n  x = `a ``` b`;\n  ````\n")) << md;
}

TEST(MarkdownReportTest, LedgerIsAChecklistOfRemovedValues) {
  std::string md = Render(Sample());
  EXPECT_TRUE(Has(md, "server-side checkout")) << md;
  EXPECT_TRUE(Has(md,
                  "- [ ] `src/checkout.js:14` — `amount: cart.total`\n"
                  "- [ ] `src/checkout.js:17` — `payPal.items: lineItems`\n"))
      << md;
}

// A payload built in another file has its values there: the checklist
// sends the reviewer to the builder's lines, not to the call's file.
TEST(MarkdownReportTest, LedgerOfAPayloadBuiltElsewhereNamesTheBuilder) {
  std::vector<FileResult> files = Sample();
  files[0].sites[0].built_file = "src/payloads/paypal.js";
  std::string md = Render(files);
  EXPECT_TRUE(Has(md,
                  "- [ ] `src/payloads/paypal.js:14` — `amount: "
                  "cart.total`\n"))
      << md;
  EXPECT_FALSE(Has(md, "`src/checkout.js:14`")) << md;
}

TEST(MarkdownReportTest, LedgerExpressionsAreRedactedAndKeptOnOneLine) {
  std::vector<FileResult> files = Sample();
  files[0].sites[0].ledger = {
      {"payPal.shipping",
       "{\n  recipient: 'Jane Doe',\n  phone: '+1 555 123 4567'\n}", 20}};
  EXPECT_TRUE(Has(Render(files),
                  "— `payPal.shipping: { recipient: '[redacted]', "
                  "phone: '[redacted]' }`\n"));
  ReportOptions plain;
  plain.redact = false;
  EXPECT_TRUE(Has(Render(files, plain),
                  "recipient: 'Jane Doe', phone: '+1 555 123 4567' }`"));
}

TEST(MarkdownReportTest, ExcerptsAreShownAsWrittenWithoutRedaction) {
  ReportOptions plain;
  plain.redact = false;
  EXPECT_TRUE(Has(Render(Sample(), plain), "email: \"jane@example.com\""));
}

TEST(MarkdownReportTest, SaysSoWhenThereIsNothingToReport) {
  std::string md = Render({});
  EXPECT_TRUE(Has(md, "No `createSource()` calls found.")) << md;
  EXPECT_TRUE(Has(md, "No property was removed.")) << md;
  EXPECT_FALSE(Has(md, "## Files")) << md;
}

// A heading and a ledger item must keep the whole name on their line, and a
// backtick in it must not end the code span.
TEST(MarkdownReportTest, FileNamesStayWholeInCodeSpans) {
  std::vector<FileResult> files = Sample();
  files[0].path = "a`b\nc.js";
  std::string markdown = Render(files);
  EXPECT_TRUE(Has(markdown, "### ``\"a`b\\nc.js\"``\n")) << markdown;
  EXPECT_TRUE(Has(markdown, "- [ ] ``\"a`b\\nc.js\":14`` — ")) << markdown;
  files[0].path = "`tick.js";
  EXPECT_TRUE(Has(Render(files), "### `` `tick.js ``\n"));
  // CommonMark strips one space from each end when both ends have one.
  files[0].path = " both ";
  EXPECT_TRUE(Has(Render(files), "### `  both  `\n"));
}

}  // namespace
}  // namespace psm
