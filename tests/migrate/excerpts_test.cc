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

}  // namespace
}  // namespace psm
