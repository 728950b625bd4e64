// A file of thousands of call sites may have half of its sites found and
// planned on a spare core (common/spare_cores.h, issue 14). The answer must
// be the same, to the byte, as on one thread: every fixture's JavaScript,
// run together as one file large enough to be split, is migrated both ways
// and compared. (Under ThreadSanitizer this is also the race check.)
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "common/spare_cores.h"
#include "find/site_finder.h"
#include "migrate/file_migrator.h"
#include "rules/rule_table.h"
#include "syntax/tree.h"

namespace psm {
namespace {

namespace fs = std::filesystem;

// Every fixtures/*/input.js, in name order, each after a line naming it.
std::string AllFixtureScripts() {
  std::vector<fs::path> inputs;
  for (const auto& dir : fs::directory_iterator("fixtures")) {
    fs::path input = dir.path() / "input.js";
    if (fs::exists(input)) inputs.push_back(input);
  }
  std::sort(inputs.begin(), inputs.end());
  std::string all;
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    all += "// " + input.string() + "\n" + text.str() + "\n";
  }
  return all;
}

size_t Count(const std::string& text, std::string_view word) {
  size_t n = 0;
  for (size_t at = text.find(word); at != std::string::npos;
       at = text.find(word, at + 1))
    ++n;
  return n;
}

// Everything a user sees of a migration, as text.
std::string Seen(const Migration& m) {
  std::ostringstream out;
  out << "changed " << m.result.changed << " error " << m.result.error << "\n"
      << m.migrated_text() << "\n";
  for (const SiteResult& s : m.result.sites) {
    out << s.line << ":" << s.column << " " << static_cast<int>(s.status) << " "
        << s.method << " session " << s.added_session_id << "\n";
    for (const std::string& r : s.removed) out << "  removed " << r << "\n";
    for (const std::string& r : s.reasons) out << "  reason " << r << "\n";
    out << "  before " << s.before << "\n  after " << s.after << "\n";
  }
  for (const FileResult::PassedOver& p : m.result.passed_over)
    out << "passed over " << p.line << ":" << p.column << " " << p.why << "\n";
  for (const SiteRequest& r : m.requests)
    out << "request at " << r.call_begin << " line " << r.line << "\n";
  out << "edits " << m.site_edits.size() << "\n";
  return out.str();
}

std::string MigrateWith(unsigned spare, const std::string& text,
                        uint64_t* lent) {
  SpareCores::Set(spare);
  uint64_t before = SpareCores::Lent();
  Parser parser;
  PlanOptions options;
  options.include_minified = true;  // one fixture is a bundle
  Migration m = MigrateText("all.js", text, Language::kJavaScript,
                            BuiltinRules(), options, parser);
  *lent = SpareCores::Lent() - before;
  // A large file's tree may still be being freed on the lent core
  // (syntax/tree_release.h): the next test gets its core back first.
  for (int i = 0; spare > 0 && i < 500 && !SpareCores::Borrow(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  SpareCores::Set(0);
  return Seen(m);
}

TEST(SplitSitesTest, SitesSplitOverTwoCoresGiveTheOneThreadAnswer) {
  std::string one = AllFixtureScripts();
  ASSERT_GT(Count(one, "createSource"), 100u) << "fixtures not found";
  std::string text;
  while (Count(text, "createSource") < kSitesWorthACore + 64) text += one;

  uint64_t lent = 0;
  std::string alone = MigrateWith(0, text, &lent);
  EXPECT_EQ(lent, 0u);
  std::string split = MigrateWith(1, text, &lent);
  EXPECT_GE(lent, 2u) << "finding and planning were not split";
  EXPECT_NE(alone.find("changed 1"), std::string::npos);
  // One failure message, not a dump of two large texts.
  if (alone != split) {
    size_t at =
        std::mismatch(alone.begin(), alone.end(), split.begin(), split.end())
            .first -
        alone.begin();
    ADD_FAILURE() << "first difference at byte " << at << ":\n"
                  << alone.substr(at > 200 ? at - 200 : 0, 400) << "\n---\n"
                  << split.substr(at > 200 ? at - 200 : 0, 400);
  }
}

// A call reached from names on both sides of the split (the method bound
// and kept on `this`, and the call of it there) is one site, as in one pass.
TEST(SplitSitesTest, ACallReachedFromBothHalvesIsOneSite) {
  const std::string call =
      "dr.createSource({type: 'payPal', amount: 1, payPal: {items: []}});\n";
  std::string text = "var dr = new DigitalRiver('pk');\n";
  size_t half = kSitesWorthACore;  // names in all: twice that
  for (size_t k = 0; k + 2 < half; ++k) text += call;
  // Two names, the last two of the first half.
  text +=
      "class Form {\n  constructor() {\n"
      "    this.createSource = dr.createSource.bind(dr);\n  }\n";
  // The first name of the second half.
  text +=
      "  pay() {\n    return this.createSource({type: 'payPal', "
      "amount: 2, payPal: {}});\n  }\n}\n";
  for (size_t k = 0; k + 1 < half; ++k) text += call;

  uint64_t lent = 0;
  std::string alone = MigrateWith(0, text, &lent);
  std::string split = MigrateWith(1, text, &lent);
  EXPECT_GE(lent, 1u);
  EXPECT_EQ(Count(alone, "\n  before "), 2 * half - 2);  // one per call
  EXPECT_TRUE(alone == split) << "the split answer differs";
}

}  // namespace
}  // namespace psm
