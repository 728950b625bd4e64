#include "report/html_report.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

namespace psm {
namespace {

SiteResult Site(SiteStatus status, std::string method, uint32_t line) {
  SiteResult site;
  site.line = line;
  site.column = 5;
  site.status = status;
  site.method = std::move(method);
  site.excerpt_line = line;
  site.before = site.after = "dr.createSource(payload);\n";
  return site;
}

std::vector<FileResult> Sample() {
  SiteResult paypal = Site(SiteStatus::kMigrated, "payPal", 12);
  paypal.removed = {"amount"};
  paypal.added_session_id = true;
  paypal.ledger = {{"amount", "cart.total", 14}};
  paypal.before =
      "  type: 'payPal',\n  amount: cart.total,\n  owner: { email: "
      "'jane@example.com' }\n";
  paypal.after =
      "  type: 'payPal',\n  sessionId: s,\n  owner: { email: "
      "'jane@example.com' }\n";
  SiteResult review = Site(SiteStatus::kNeedsReview, "", 30);
  review.reasons = {"type is `t` <dynamic> & unknown"};
  FileResult checkout{"src/checkout.js", {paypal, review}, true, "", false};
  FileResult odd{"src/<odd> & \"name\".js",
                 {Site(SiteStatus::kUnknownMethod, "alipay", 3)},
                 false,
                 "",
                 false};
  FileResult broken{"src/broken.js", {}, false, "cannot read", false};
  return {checkout, odd, broken};
}

std::string Render(const std::vector<FileResult>& files,
                   ReportOptions options = {}) {
  RunSummary summary;
  for (const FileResult& file : files) summary.Add(file);
  return HtmlReport(files, summary, options);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(HtmlReportTest, IsOneSelfContainedPage) {
  std::string html = Render(Sample());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n"));
  EXPECT_TRUE(html.ends_with("</html>\n"));
  EXPECT_TRUE(Has(html, "<style>"));
  EXPECT_TRUE(Has(html, "<script>"));
  EXPECT_TRUE(Has(html, "content=\"default-src 'none';"));
  EXPECT_FALSE(
      std::regex_search(html, std::regex(R"((src|href)=["']?(https?:)?//)")));
  EXPECT_FALSE(Has(html, "<link"));
  EXPECT_FALSE(Has(html, "@import"));
  EXPECT_FALSE(Has(html, "url("));
}

TEST(HtmlReportTest, CountsHaveStableIdsAndJsonKeys) {
  std::string html = Render(Sample());
  EXPECT_TRUE(Has(html, "id=\"count-files\" data-key=\"files\">3<"));
  EXPECT_TRUE(
      Has(html, "id=\"count-files-changed\" data-key=\"filesChanged\">1<"));
  EXPECT_TRUE(Has(html, "id=\"count-sites\" data-key=\"sites\">3<"));
  EXPECT_TRUE(Has(html, "id=\"count-migrated\" data-key=\"migrated\">1<"));
  EXPECT_TRUE(
      Has(html, "id=\"count-needs-review\" data-key=\"needsReview\">1<"));
  EXPECT_TRUE(
      Has(html, "id=\"count-unknown-method\" data-key=\"unknownMethod\">1<"));
  EXPECT_TRUE(Has(html, "id=\"count-errors\" data-key=\"errors\">1<"));
  EXPECT_TRUE(Has(
      html,
      "id=\"bar-needs-review\" data-status=\"needs-review\" data-count=\"1\""));
  EXPECT_TRUE(Has(html, "<span id=\"shown-count\">3</span>"));
}

TEST(HtmlReportTest, SiteCardsCarryStatusAndMethodForTheFilters) {
  std::string html = Render(Sample());
  EXPECT_TRUE(Has(
      html, "id=\"site-1\" data-status=\"migrated\" data-method=\"payPal\""));
  EXPECT_TRUE(Has(
      html,
      "id=\"site-2\" data-status=\"needs-review\" data-method=\"(unknown)\""));
  EXPECT_TRUE(Has(html,
                  "<input type=\"checkbox\" name=\"status\" "
                  "value=\"unknown-method\" checked>"));
  EXPECT_FALSE(Has(html, "value=\"ignored\""))
      << "only statuses present get a filter";
  EXPECT_TRUE(Has(html, "<option value=\"alipay\">alipay (1)</option>"));
}

TEST(HtmlReportTest, EscapesPathsReasonsAndCode) {
  std::vector<FileResult> files = Sample();
  files[1].sites[0].before = files[1].sites[0].after =
      "x = '</pre><script>alert(1)</script>';\n";
  std::string html = Render(files);
  // A name with a double quote is quoted as git quotes it, then escaped.
  EXPECT_TRUE(
      Has(html, "&quot;src/&lt;odd&gt; &amp; \\&quot;name\\&quot;.js&quot;"))
      << html;
  EXPECT_TRUE(
      Has(html, "type is <code>t</code> &lt;dynamic&gt; &amp; unknown"));
  EXPECT_TRUE(Has(html, "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(Has(html, "<script>alert"));
}

TEST(HtmlReportTest, ShowsBeforeAndAfterSideBySide) {
  std::string html = Render(Sample());
  EXPECT_TRUE(Has(
      html,
      "<pre class=\"before\"><span class=\"l\" data-n=\"12\">  type: "
      "&#39;payPal&#39;,</span><span class=\"l del\" data-n=\"13\">  amount: "
      "cart.total,</span><span class=\"l\" data-n=\"14\">"))
      << html;
  EXPECT_TRUE(
      Has(html,
          "<pre class=\"after\"><span class=\"l\" data-n=\"\">  type: "
          "&#39;payPal&#39;,</span><span class=\"l add\" data-n=\"+\">  "
          "sessionId: s,</span>"))
      << html;
  EXPECT_TRUE(Has(html, "<h3>Code (unchanged)</h3>"));
}

TEST(HtmlReportTest, PadsTheShorterSideOfAChange) {
  std::vector<FileResult> files = Sample();
  files[0].sites[0].after =
      "  type: 'payPal',\n  owner: { email: 'jane@example.com' }\n";
  std::string html = Render(files);
  EXPECT_TRUE(Has(html, "</span><span class=\"l pad\" data-n=\"\"></span>"))
      << html;
}

TEST(HtmlReportTest, RedactsExcerptsAndLedgerUnlessToldNot) {
  std::vector<FileResult> files = Sample();
  files[0].sites[0].ledger[0].expression = "'4111 1111 1111 1111'";
  std::string html = Render(files);
  EXPECT_FALSE(Has(html, "jane@example.com"));
  EXPECT_FALSE(Has(html, "4111"));
  EXPECT_TRUE(Has(html, "email: &#39;[redacted]&#39;"));
  ReportOptions plain;
  plain.redact = false;
  html = Render(files, plain);
  EXPECT_TRUE(Has(html, "jane@example.com"));
  EXPECT_TRUE(Has(html, "4111 1111 1111 1111"));
}

TEST(HtmlReportTest, ListsTheLedgerAndFileErrors) {
  std::string html = Render(Sample());
  EXPECT_TRUE(Has(html, "<section class=\"panel\" id=\"ledger\">"));
  EXPECT_TRUE(Has(
      html,
      "<a href=\"#site-1\">src/checkout.js:14</a></td><td><code>amount</code>"
      "</td><td><code>cart.total</code>"));
  EXPECT_TRUE(Has(html, "server-side checkout"));
  EXPECT_TRUE(Has(html, "<p class=\"error\">Error: cannot read</p>"));
}

// A payload built in another file has its values there, in the site's
// table and in the ledger.
TEST(HtmlReportTest, LedgerOfAPayloadBuiltElsewhereNamesTheBuilder) {
  std::vector<FileResult> files = Sample();
  files[0].sites[0].built_file = "src/payloads/paypal.js";
  std::string html = Render(files);
  EXPECT_TRUE(Has(html, "<a href=\"#site-1\">src/payloads/paypal.js:14</a>"))
      << html;
  EXPECT_TRUE(Has(html, "<td>src/payloads/paypal.js:14</td>")) << html;
  EXPECT_FALSE(Has(html, "src/checkout.js:14")) << html;
}

TEST(HtmlReportTest, ShowsTheSessionIdExpressionOrPlaceholder) {
  ReportOptions options;
  options.session_id = "checkout.payment.session.id";
  EXPECT_TRUE(Has(
      Render(Sample(), options),
      "Adds <code>sessionId</code>: <code>checkout.payment.session.id</code>"));
  EXPECT_TRUE(
      Has(Render(Sample()), "Adds <code>sessionId</code>: placeholder"));
}

}  // namespace
}  // namespace psm
