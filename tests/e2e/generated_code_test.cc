// End-to-end: calls the tool does not rewrite (minified files, markup it
// does not parse as script) are still reported, so --check cannot pass.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kMinified =
    "var e=new DigitalRiver(\"pk\");window.pay=function(t){return "
    "e.createSource({type:\"konbini\",amount:t,currency:\"JPY\"})};\n";

class GeneratedCodeTest : public testing::Test {
 protected:
  Outcome Tool(const std::string& args) {
    return Shell(dir_.path(), "{bin} " + args);
  }
  ScratchDir dir_;
};

TEST_F(GeneratedCodeTest, QuietCheckFailsOnAMinifiedFileThatCallsCreateSource) {
  dir_.Write("dist/checkout.min.js", kMinified);
  Outcome run = Tool("--check -q dist/checkout.min.js");
  EXPECT_EQ(run.status, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("dist/checkout.min.js:1:"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("run with --include-minified"), std::string::npos);
  EXPECT_EQ(dir_.Read("dist/checkout.min.js"), kMinified);
}

TEST_F(GeneratedCodeTest, JsonReportListsTheSiteAndTheSkip) {
  dir_.Write("dist/checkout.min.js", kMinified);
  Outcome run = Tool("--json-report - dist/checkout.min.js");
  EXPECT_EQ(run.status, 0) << run.err;
  nlohmann::json report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["sites"].size(), 1u);
  EXPECT_EQ(report["sites"][0]["status"], "needs-review");
  EXPECT_EQ(report["summary"]["needsReview"], 1);
  EXPECT_EQ(report["summary"]["skipped"], 1);
  EXPECT_NE(report["errors"][0]["message"].get<std::string>().find("skipped"),
            std::string::npos);
}

TEST_F(GeneratedCodeTest, IncludeMinifiedStillMigratesIt) {
  dir_.Write("dist/checkout.min.js", kMinified);
  Outcome run =
      Tool("--write -q --include-minified --session-id S dist/checkout.min.js");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(dir_.Read("dist/checkout.min.js")
                .find("createSource({type:\"konbini\",sessionId:S})"),
            std::string::npos)
      << dir_.Read("dist/checkout.min.js");
  EXPECT_EQ(Tool("--check -q --include-minified dist/checkout.min.js").status,
            0);
}

TEST_F(GeneratedCodeTest, CheckFailsOnACallInMarkupTheToolDoesNotParse) {
  dir_.Write("pay.html",
             "<button onclick=\"dr.createSource({type: &quot;konbini&quot;})\">"
             "</button>\n");
  Outcome run = Tool("--check -q pay.html");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("pay.html:1:18: payload needs review"),
            std::string::npos)
      << run.out;
}

}  // namespace
}  // namespace psm::testing_cli
