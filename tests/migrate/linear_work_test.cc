// Issue 14: a file's work must grow linearly with its call sites. Checked by
// counting the steps of the loops that once were quadratic (common/
// step_counter.h), not by timing: four times the sites must take about four
// times the steps. bench/gen-scale.py makes the same inputs at benchmark size.
#include <gtest/gtest.h>

#include <string>

#include "common/step_counter.h"
#include "migrate/file_migrator.h"
#include "rules/rule_table.h"
#include "syntax/tree.h"

namespace psm {
namespace {

constexpr const char* kPayload =
    "{type: \"payPal\", amount: 1, currency: \"USD\", payPal: "
    "{returnUrl: \"https://shop.example/r\", items: [], taxAmount: 1}}";

// N one-line payloads, each its own call.
std::string Sites(int n) {
  std::string text;
  for (int k = 0; k < n; ++k)
    text += std::string("dr.createSource(") + kPayload + ");\n";
  return text;
}

// One payload variable written N times and assigned N literals.
std::string Writes(int n) {
  std::string text = std::string("var payload = ") + kPayload + ";\n";
  for (int k = 0; k < n; ++k)
    text +=
        "payload.note" + std::to_string(k) + " = " + std::to_string(k) + ";\n";
  for (int k = 0; k < n; ++k)
    text += "if (x" + std::to_string(k) + ") { payload = " + kPayload + "; }\n";
  return text + "dr.createSource(payload);\n";
}

// Steps taken by one migration of `text`, which must change it.
uint64_t StepsFor(const std::string& text) {
  Parser parser;
  PlanOptions options;
  options.include_minified = true;  // bundles are a case of their own
  uint64_t before = StepsTaken();
  Migration m = MigrateText("scale.js", text, Language::kJavaScript,
                            BuiltinRules(), options, parser);
  EXPECT_TRUE(m.result.changed);
  EXPECT_TRUE(m.result.error.empty()) << m.result.error;
  return StepsTaken() - before;
}

// Four times the input (`make(n)` against `make(4 * n)`) must take at most
// five times the steps: quadratic loops would take sixteen; the slack is
// for the log factor of searches.
template <typename Make>
void ExpectLinear(Make make, int n) {
  uint64_t small = StepsFor(make(n));
  uint64_t large = StepsFor(make(4 * n));
  ASSERT_GT(small, 0u);
  EXPECT_LE(large, small * 5) << small << " -> " << large;
}

TEST(LinearWorkTest, StepsGrowLinearlyWithOneLineSitesInAFile) {
  ExpectLinear(Sites, 250);
}

TEST(LinearWorkTest, WritesAreNotPairedWithEveryAssignedLiteral) {
  ExpectLinear(Writes, 250);
}

// N wrappers whose payload parameter is filled in and passed on, none
// called in the file; then N classes whose payload is a field.
std::string UncalledWrappersAndFields(int n) {
  std::string text = "var dr = DigitalRiver('pk');\n";
  for (int k = 0; k < n; ++k) {
    std::string i = std::to_string(k);
    text += "function pay" + i + "(p) { p.amount = " + i +
            "; return dr.createSource(p); }\n";
  }
  for (int k = 0; k < n; ++k) {
    std::string i = std::to_string(k);
    text += "class Form" + i + " {\n  constructor() { this.payload" + i +
            " = {type: 'payPal', amount: " + i +
            "}; }\n  pay() { return dr.createSource(this.payload" + i +
            "); }\n}\n";
  }
  return text;
}

TEST(LinearWorkTest, ParametersAndFieldsAreNotLookedUpByWalkingTheFile) {
  ExpectLinear(UncalledWrappersAndFields, 100);
}

// A minified bundle on one line: N modules, each with a wrapper `r` whose
// parameter `e` is the payload and a call of it. The short names stand in
// every module, thousands of times in a large bundle.
std::string Bundle(int n) {
  std::string text = "!function(m){m.forEach(function(f){f()})}([";
  for (int k = 0; k < n; ++k) {
    text += std::string(k ? "," : "") +
            "function(e,t,n){function r(e){return dr.createSource(e)}"
            "var o=e+" +
            std::to_string(k) +
            ";r({type:\"payPal\",amount:1,payPal:{returnUrl:\"u\"}})}";
  }
  return text + "]);\n";
}

// `dr` used at every site and declared nowhere: where no `var` stands in
// the file, nothing can declare it further down, and its thousands of
// occurrences are not each looked up in the tree (a descent per use: 3% of
// the instructions of an 8,000-site file). With one `var` they are.
TEST(LinearWorkTest, AnUndeclaredNameIsNotLookedUpAtEachUseWithoutAVar) {
  constexpr int kSites = 1000;
  uint64_t without_var = StepsFor(Sites(kSites));
  uint64_t with_var = StepsFor("var unrelated = 1;\n" + Sites(kSites));
  EXPECT_GE(with_var, without_var + kSites);
}

TEST(LinearWorkTest, ShortNamesOfABundleAreLookedUpInTheirOwnModule) {
  ExpectLinear(Bundle, 250);
}

// N payload variables of the top level, each its own name.
std::string TopLevelPayloads(int n) {
  std::string text;
  for (int k = 0; k < n; ++k) {
    std::string name = "payload" + std::to_string(k);
    text += "var " + name + " = " + kPayload + ";\ndr.createSource(" + name +
            ");\n";
  }
  return text;
}

TEST(LinearWorkTest, ManyNamesOfTheTopLevelAreNotEachSearchedForInTheFile) {
  ExpectLinear(TopLevelPayloads, 250);
}

TEST(LinearWorkTest, EachModuleOfABundleGetsItsOwnWrappersPayload) {
  // The same wrapper name in two modules: each call reaches the literal
  // of its own module, not the other's.
  std::string text =
      "[function(){function r(e){return dr.createSource(e)}"
      "r({type:'payPal',amount:1,payPal:{returnUrl:'u'}})},\n"
      "function(){function r(e){return dr.createSource(card,e)}"
      "r({type:'creditCard',amount:2})}];\n";
  Parser parser;
  Migration m = MigrateText("bundle.js", text, Language::kJavaScript,
                            BuiltinRules(), PlanOptions(), parser);
  ASSERT_EQ(m.result.sites.size(), 2u);
  EXPECT_EQ(m.result.sites[0].method, "payPal");
  EXPECT_EQ(m.result.sites[1].method, "creditCard");
  std::string migrated(m.migrated_text());
  // PayPal loses `amount`; a card keeps it.
  EXPECT_EQ(migrated.find("amount:1"), std::string::npos) << migrated;
  EXPECT_NE(migrated.find("amount:2"), std::string::npos) << migrated;
}

// Seven wrappers, each calling the one below it `calls` times with the
// parameter it got, the lowest calling createSource; one literal at the top.
std::string Layers(int calls) {
  std::string text =
      "function layer0(data) { return dr.createSource(data); }\n";
  for (int k = 1; k < 8; ++k) {
    text += "function layer" + std::to_string(k) + "(data) {\n";
    for (int c = 0; c < calls; ++c)
      text += "  if (data.f" + std::to_string(c) + ") return layer" +
              std::to_string(k - 1) + "(data);\n";
    text += "}\n";
  }
  return text +
         "layer7({type: 'payPal', amount: 1, payPal: {returnUrl: 'r'}});\n";
}

TEST(LinearWorkTest, PayloadsPassedOnManyWaysAreFollowedOncePerExpression) {
  // Followed once per path, the expressions followed would grow as
  // calls^7 (found by fuzz_migrate: a file of wrappers took minutes).
  uint64_t small = StepsFor(Layers(2));
  uint64_t large = StepsFor(Layers(6));
  ASSERT_GT(small, 0u);
  EXPECT_LE(large, small * 6) << small << " -> " << large;
  Parser parser;
  std::string text = Layers(6);
  Migration m = MigrateText("layers.js", text, Language::kJavaScript,
                            BuiltinRules(), PlanOptions(), parser);
  ASSERT_EQ(m.result.sites.size(), 1u);
  EXPECT_EQ(m.result.sites[0].status, SiteStatus::kMigrated);
  EXPECT_EQ(std::string(m.migrated_text()).find("amount"), std::string::npos);
}

TEST(LinearWorkTest, EveryAssignedLiteralIsStillMigrated) {
  Parser parser;
  std::string text = Writes(3);
  Migration m = MigrateText("w.js", text, Language::kJavaScript, BuiltinRules(),
                            PlanOptions(), parser);
  ASSERT_EQ(m.result.sites.size(), 1u);
  std::string out(m.migrated_text());
  EXPECT_EQ(out.find("amount"), std::string::npos) << out;
  EXPECT_NE(out.find("payload.note2 = 2;"), std::string::npos) << out;
}

// The safety net holds whichever way the edited file is parsed again: a
// fresh parse when edits are dense (many sites), the incremental re-parse
// when they are sparse. A session expression that breaks the syntax must
// leave either file unchanged.
// A dropped rewrite is no error of the file: its sites need review,
// saying why.
void ExpectLeftForReview(const Migration& m, int sites) {
  EXPECT_TRUE(m.result.error.empty()) << sites << ": " << m.result.error;
  ASSERT_EQ(m.result.sites.size(), static_cast<size_t>(sites));
  for (const SiteResult& s : m.result.sites) {
    EXPECT_EQ(s.status, SiteStatus::kNeedsReview) << sites;
    std::string reasons;
    for (const std::string& r : s.reasons) reasons += r + "; ";
    EXPECT_NE(reasons.find("would introduce a syntax error"), std::string::npos)
        << sites << ": " << reasons;
  }
}

TEST(LinearWorkTest, ARewriteThatWouldNotParseIsDroppedDenseOrSparse) {
  PlanOptions broken;
  broken.session_id = "session.id)(";
  for (int sites : {1, 250}) {
    Parser parser;
    std::string text = Sites(sites);
    Migration m = MigrateText("broken.js", text, Language::kJavaScript,
                              BuiltinRules(), broken, parser);
    EXPECT_FALSE(m.result.changed) << sites;
    ExpectLeftForReview(m, sites);
    EXPECT_EQ(m.migrated_text(), text) << sites;
  }
}

// The safety net's fast path (migrate/kept_syntax.h): the planner's edits
// of one-line payloads (members removed, sessionId added after type) are
// proven to keep the syntax, so the edited text is not parsed again: one
// parse per file, dense or sparse.
TEST(LinearWorkTest, ObjectEditsAreProvenWithoutASecondParse) {
  for (int sites : {1, 250}) {
    Parser parser;
    std::string text = Sites(sites);
    Migration m = MigrateText("proven.js", text, Language::kJavaScript,
                              BuiltinRules(), PlanOptions(), parser);
    EXPECT_TRUE(m.result.changed) << sites;
    EXPECT_TRUE(m.result.error.empty()) << m.result.error;
    EXPECT_EQ(parser.parses(), 1u) << sites;
  }
}

// What the fast path cannot prove gets the parse: a session expression
// that is not a plain string or a dotted name, and one that breaks the
// syntax, which the parse then finds and the rewrite is dropped.
TEST(LinearWorkTest, AnUnprovenEditIsParsedAndDroppedIfItBreaksTheSyntax) {
  PlanOptions call;
  call.session_id = "session.get()";
  PlanOptions broken;
  broken.session_id = "session.id)(";
  for (int sites : {1, 250}) {
    Parser parser;
    std::string text = Sites(sites);
    Migration fine = MigrateText("call.js", text, Language::kJavaScript,
                                 BuiltinRules(), call, parser);
    EXPECT_TRUE(fine.result.changed) << sites;
    EXPECT_EQ(parser.parses(), 2u) << sites;
    Migration m = MigrateText("broken.js", text, Language::kJavaScript,
                              BuiltinRules(), broken, parser);
    EXPECT_EQ(parser.parses(), 4u) << sites;
    EXPECT_FALSE(m.result.changed) << sites;
    ExpectLeftForReview(m, sites);
  }
}

}  // namespace
}  // namespace psm
