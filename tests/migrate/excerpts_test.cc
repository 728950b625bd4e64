// PlanOptions::excerpts: each site's before/after lines are filled for the
// reports that show code, and left out of a run that prints none of them,
// which then migrates exactly the same.
#include <gtest/gtest.h>

#include <string>

#include "migrate/file_migrator.h"
#include "rules/rule_table.h"
#include "syntax/tree.h"

namespace psm {
namespace {

const std::string kText =
    "var dr = DigitalRiver('pk');\n"
    "dr.createSource({type: 'payPal', amount: 1, payPal: {items: []}});\n"
    "dr.createSource({type: 'payPal', sessionId: s});\n";

Migration Migrated(bool excerpts) {
  PlanOptions options;
  options.excerpts = excerpts;
  Parser parser;
  return MigrateText("a.js", kText, Language::kJavaScript, BuiltinRules(),
                     options, parser);
}

TEST(ExcerptsTest, EachSiteShowsItsLinesBeforeAndAfter) {
  Migration m = Migrated(true);
  ASSERT_EQ(m.result.sites.size(), 2u);
  const SiteResult& changed = m.result.sites[0];
  EXPECT_EQ(changed.excerpt_line, 1u);  // with the line above for context
  EXPECT_NE(changed.before.find("amount: 1"), std::string::npos);
  EXPECT_EQ(changed.after.find("amount"), std::string::npos);
  EXPECT_NE(changed.after.find("sessionId"), std::string::npos);
  const SiteResult& kept = m.result.sites[1];
  EXPECT_EQ(kept.excerpt_line, 3u);
  EXPECT_NE(kept.before.find("sessionId: s"), std::string::npos);
  EXPECT_EQ(kept.after, kept.before);
}

TEST(ExcerptsTest, ARunThatShowsNoCodeCopiesNoLinesAndMigratesTheSame) {
  Migration with = Migrated(true), without = Migrated(false);
  EXPECT_EQ(without.migrated_text(), with.migrated_text());
  ASSERT_EQ(without.result.sites.size(), with.result.sites.size());
  for (size_t k = 0; k < with.result.sites.size(); ++k) {
    const SiteResult& a = with.result.sites[k];
    const SiteResult& b = without.result.sites[k];
    EXPECT_EQ(b.status, a.status);
    EXPECT_EQ(b.removed, a.removed);
    EXPECT_EQ(b.fixes.size(), a.fixes.size());
    EXPECT_EQ(b.excerpt_line, 0u);
    EXPECT_TRUE(b.before.empty()) << b.before;
    EXPECT_TRUE(b.after.empty()) << b.after;
  }
  EXPECT_EQ(without.site_edits.size(), with.site_edits.size());
}

TEST(ExcerptsTest, ALongLineIsCutToTheSiteNotShownWholeForEachSite) {
  // A minified bundle is one line: shown whole for each of its sites, a
  // report of a 200 KB bundle took gigabytes.
  std::string filler(20000, ' ');
  std::string text = "var dr = DigitalRiver('pk');" + filler +
                     "dr.createSource({type: 'payPal', amount: 1, "
                     "secret: 'a b'});" +
                     filler + "dr.createSource({type: 'payPal', amount: 2});\n";
  PlanOptions options;
  options.excerpts = true;
  options.include_minified = true;
  Parser parser;
  Migration m = MigrateText("bundle.js", text, Language::kJavaScript,
                            BuiltinRules(), options, parser);
  ASSERT_EQ(m.result.sites.size(), 2u);
  for (const SiteResult& site : m.result.sites) {
    EXPECT_EQ(site.excerpt_line, 1u);
    EXPECT_LT(site.before.size(), 200u) << site.before.size();
    EXPECT_LT(site.after.size(), 300u) << site.after.size();
    EXPECT_TRUE(site.before.starts_with("\u2026dr.createSource("))
        << site.before;
    EXPECT_TRUE(site.before.ends_with(")\u2026\n")) << site.before;
    EXPECT_NE(site.after.find("sessionId"), std::string::npos) << site.after;
    EXPECT_EQ(site.after.find("amount"), std::string::npos) << site.after;
  }
  EXPECT_NE(m.result.sites[0].before.find("amount: 1"), std::string::npos);
  EXPECT_NE(m.result.sites[1].before.find("amount: 2"), std::string::npos);
  // Cut at the call's ends: a string is never split.
  EXPECT_NE(m.result.sites[0].before.find("secret: 'a b'"), std::string::npos);
}

}  // namespace
}  // namespace psm
