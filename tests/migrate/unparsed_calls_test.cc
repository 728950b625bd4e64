#include "migrate/unparsed_calls.h"

#include <gtest/gtest.h>

#include <string>

#include "edit/site_plan.h"
#include "migrate/file_migrator.h"
#include "rules/rule_table.h"
#include "syntax/tree.h"

namespace psm {
namespace {

std::vector<std::string> Matches(std::string_view text) {
  std::vector<std::string> out;
  for (const CallText& call : FindCallTexts(text)) {
    out.emplace_back(text.substr(call.begin, call.match.end - call.begin));
  }
  return out;
}

// The one site reported for `html`; a failure when there are more or none.
SiteResult OnlySite(std::string_view html) {
  std::vector<SiteResult> sites =
      UnparsedCallSites(html, MaskScriptContainer(html));
  EXPECT_EQ(sites.size(), 1u);
  return sites.empty() ? SiteResult{} : sites[0];
}

// The sites MigrateText reports for a script, as "line status".
std::vector<std::string> ScriptSites(const std::string& js) {
  Parser parser;
  PlanOptions options;
  options.session_id = "sid";
  Migration m = MigrateText("a.js", js, Language::kJavaScript, BuiltinRules(),
                            options, parser);
  std::vector<std::string> out;
  for (const SiteResult& s : m.result.sites)
    out.push_back(std::to_string(s.line) + " " +
                  std::string(StatusName(s.status)));
  return out;
}

// Error recovery can swallow a call into an ERROR node, where the site
// finder never sees it: --check must still fail on it.
TEST(UnparsedCallsTest, ACallInsideASyntaxErrorNeedsReview) {
  using Sites = std::vector<std::string>;
  EXPECT_EQ(ScriptSites("<<<<<<< HEAD\nvar a = 1;\n=======\nvar a = 2;\n"
                        ">>>>>>> branch\n"
                        "dr.createSource({ type: 'payPal', amount: 1 });\n"),
            Sites{"6 needs-review"});
  EXPECT_EQ(ScriptSites("dr.createSource({ type: 'payPal', amount: 1 }\n"),
            Sites{"1 needs-review"});
  // A mention in a comment is no call; a call the finder took up is not
  // reported twice.
  EXPECT_EQ(ScriptSites("// dr.createSource(payload) resolves a source\n"
                        "var = ;\n"),
            Sites{});
  EXPECT_EQ(
      ScriptSites("dr.createSource({ type: 'wireTransfer', amount: 1 });\n"
                  "var = ;\n")
          .size(),
      1u);
}

TEST(UnparsedCallsTest, FindsMemberSubscriptOptionalAndCallForms) {
  EXPECT_EQ(
      Matches("dr.createSource (p); a.b?.createSource?.(p); "
              "x['createSource'](p); y[ \"createSource\" ] (p); "
              "z.createSource.call(z, p)"),
      (std::vector<std::string>{"dr.createSource (", "a.b?.createSource?.(",
                                "x['createSource'](", "y[ \"createSource\" ] (",
                                "z.createSource.call("}));
}

TEST(UnparsedCallsTest, IgnoresDefinitionsLookAlikesAndUncalledNames) {
  EXPECT_TRUE(Matches("function createSource(t) {} ts.createSourceFile(x); "
                      "const f = dr.createSource; o = {createSource(a) {}}; "
                      "x['createSource'] = 1; 'createSource'")
                  .empty());
}

TEST(UnparsedCallsTest, CallsTheViewLeavesOutNeedReviewWithTheirLine) {
  std::string html =
      "<textarea>\n  dr.createSource({ type: 'payPal' })\n</textarea>\n"
      "<script>dr.createSource(p)</script>\n";
  SiteResult site = OnlySite(html);
  EXPECT_EQ(site.line, 2u);
  EXPECT_EQ(site.column, 3u);
  EXPECT_EQ(site.status, SiteStatus::kNeedsReview);
  ASSERT_EQ(site.reasons.size(), 1u);
  EXPECT_NE(site.reasons[0].find("does not parse as script (line 2)"),
            std::string::npos)
      << site.reasons[0];
  EXPECT_EQ(site.before, "  dr.createSource({ type: 'payPal' })\n");
}

TEST(UnparsedCallsTest, ProseAndOtherLibrariesInMarkupAreNotCalls) {
  // A documentation page's code samples and text, Stripe's call in a
  // string: nothing a browser runs as DigitalRiver.js.
  EXPECT_TRUE(UnparsedCallSites(
                  "<p>Call <code>dr.createSource(payload)</code>.</p>\n"
                  "<pre>dr.createSource({ type: 'payPal' })</pre>\n",
                  MaskScriptContainer(
                      "<p>Call <code>dr.createSource(payload)</code>.</p>\n"
                      "<pre>dr.createSource({ type: 'payPal' })</pre>\n"))
                  .empty());
  std::string php = "<?php echo \"stripe.createSource(card, data)\"; ?>";
  EXPECT_TRUE(UnparsedCallSites(php, MaskScriptContainer(php)).empty());
  // A `{{ }}` of a template is code.
  std::string mustache = "<p>{{ dr.createSource(p) }}</p>";
  EXPECT_EQ(UnparsedCallSites(mustache, MaskScriptContainer(mustache)).size(),
            1u);
}

TEST(UnparsedCallsTest, EncodedHandlerSaysWhyItIsLeftOut) {
  std::string html = "<a onclick=\"dr.createSource({type: &quot;x&quot;})\">";
  SiteResult site = OnlySite(html);
  ASSERT_EQ(site.reasons.size(), 1u);
  EXPECT_NE(site.reasons[0].find("character references"), std::string::npos);
}

TEST(UnparsedCallsTest, IgnoreCommentInMarkupIsHonoured) {
  std::string html =
      "<!-- payment-session-migrate-ignore-next-line -->\n"
      "<textarea>dr.createSource(payload)</textarea>\n";
  SiteResult site = OnlySite(html);
  EXPECT_EQ(site.status, SiteStatus::kIgnored);
}

TEST(UnparsedCallsTest, SkippedFileGetsOneSiteAtItsFirstCall) {
  std::string text = "a();\nvar e=dr;e.createSource({});e.createSource({});\n";
  std::vector<SiteResult> sites = SkippedFileSites(text, "bundler output");
  ASSERT_EQ(sites.size(), 1u);
  EXPECT_EQ(sites[0].line, 2u);
  EXPECT_EQ(sites[0].column, 10u);
  EXPECT_NE(sites[0].reasons[0].find("(bundler output)"), std::string::npos);
  EXPECT_NE(sites[0].reasons[0].find("--include-minified"), std::string::npos);
  EXPECT_TRUE(SkippedFileSites("dr.createSourceFile(x)", "x").empty());
}

// A vendored copy of DigitalRiver.js (a bundle defining createSource) calls
// it on its caller's data: a check must not fail on the library itself.
TEST(UnparsedCallsTest, ABundleOfDigitalRiverJsItselfGetsNoSite) {
  for (std::string definition :
       {"DigitalRiver.prototype.createSource=function(a,b){return p(a,b)};",
        "var DigitalRiver={createSource: function(a,b){return p(a,b)}};",
        "class DigitalRiver{createSource(a, b) {return p(a,b)}}",
        "function createSource(a,b){return p(a,b)}var DigitalRiver=1;"}) {
    std::string text = definition + "x.retry=function(e){return "
                                    "this.createSource(e.el,e.data)};";
    EXPECT_TRUE(SkippedFileSites(text, "bundler output").empty()) << text;
  }
  // Defining one without naming DigitalRiver (another SDK, an app's own
  // wrapper in a bundle) is not enough, nor is naming it without one.
  EXPECT_EQ(SkippedFileSites("api.createSource=function(p){return "
                             "dr.createSource(p)};dr.createSource({a:1})",
                             "bundler output")
                .size(),
            1u);
  EXPECT_EQ(SkippedFileSites("var d=new DigitalRiver(k);"
                             "if(d.createSource({type:'payPal'})){go()}",
                             "bundler output")
                .size(),
            1u);
}

}  // namespace
}  // namespace psm
