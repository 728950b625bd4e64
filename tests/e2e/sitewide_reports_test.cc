// Sites whose payload is built in another file (issue 11), as the reports
// and the config show them: per-path session expressions, all-or-nothing
// writes, and the builder and hops in SARIF, HTML and --verbose.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kBuilder =
    "export function buildPayPal(cart) {\n"
    "  return {\n"
    "    type: 'payPal',\n"
    "    amount: cart.total,\n"
    "    currency: cart.currency,\n"
    "    payPal: {returnUrl: cart.ok, cancelUrl: cart.back},\n"
    "  };\n"
    "}\n";

constexpr const char* kCaller =
    "import {buildPayPal} from './payloads/paypal.js';\n"
    "export async function pay(dr, cart) {\n"
    "  const payload = buildPayPal(cart);\n"
    "  return dr.createSource(payload);\n"
    "}\n";

class SitewideTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("package.json", "{\"name\": \"shop\"}\n");
    dir_.Write("src/payloads/paypal.js", kBuilder);
    dir_.Write("src/checkout.js", kCaller);
  }
  ScratchDir dir_;
};

TEST_F(SitewideTest, SarifNamesTheBuilderAndTheHopsToIt) {
  Outcome out = Shell(
      dir_.path(), "{bin} --check --session-id S --sarif-report r.sarif src");
  EXPECT_EQ(out.status, 1) << out.err;
  nlohmann::json sarif = nlohmann::json::parse(dir_.Read("r.sarif"));
  const nlohmann::json& results = sarif["runs"][0]["results"];
  ASSERT_EQ(results.size(), 1u) << sarif.dump(1);
  const nlohmann::json& r = results[0];
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "src/checkout.js");
  const nlohmann::json& related = r["relatedLocations"][0];
  EXPECT_EQ(related["id"], 1);
  EXPECT_EQ(related["physicalLocation"]["artifactLocation"]["uri"],
            "src/payloads/paypal.js");
  EXPECT_EQ(related["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_EQ(related["physicalLocation"]["region"]["startColumn"], 8);
  EXPECT_NE(r["message"]["text"].get<std::string>().find(
                "(built at [src/payloads/paypal.js:1:8](1))"),
            std::string::npos)
      << r["message"];
  const nlohmann::json& steps =
      r["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(steps.size(), 2u) << r.dump(1);
  const nlohmann::json& first = steps[0]["location"];
  EXPECT_EQ(first["physicalLocation"]["artifactLocation"]["uri"],
            "src/checkout.js");
  EXPECT_EQ(first["physicalLocation"]["region"]["startLine"], 4);
  EXPECT_NE(first["message"]["text"].get<std::string>().find("buildPayPal"),
            std::string::npos);
  const nlohmann::json& last = steps[1]["location"];
  EXPECT_EQ(last["physicalLocation"]["artifactLocation"]["uri"],
            "src/payloads/paypal.js");
  EXPECT_EQ(last["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_EQ(r["properties"]["sessionExpression"]["expression"], "S");
  EXPECT_EQ(r["properties"]["sessionExpression"]["from"], "--session-id");
}

TEST_F(SitewideTest, HtmlAndMarkdownShowBuiltAtAndTheHops) {
  Outcome out = Shell(dir_.path(),
                      "{bin} --check --session-id S --html-report r.html "
                      "--markdown-report r.md src");
  EXPECT_EQ(out.status, 1) << out.err;
  std::string html = dir_.Read("r.html");
  EXPECT_NE(html.find("Built at <code>src/payloads/paypal.js:1:8</code>"),
            std::string::npos);
  EXPECT_NE(html.find("<ol class=\"via\">"), std::string::npos);
  EXPECT_NE(html.find("<li><code>src/checkout.js:4: "), std::string::npos);
  EXPECT_NE(html.find("<li><code>src/payloads/paypal.js:1: "),
            std::string::npos);
  std::string md = dir_.Read("r.md");
  EXPECT_NE(md.find("Built at `src/payloads/paypal.js:1:8`, via "),
            std::string::npos)
      << md;
}

TEST_F(SitewideTest, ConfigSessionIdsChooseByTheBuildersFile) {
  dir_.Write(".payment-session-migrate.json",
             "{\"sessionId\": \"window.sid\", \"sessionIds\": "
             "{\"src/payloads/**\": \"this.config.sessionId\"}}\n");
  Outcome out = Shell(dir_.path(),
                      "{bin} --write --verbose --json-report r.json "
                      "--markdown-report r.md --html-report r.html src");
  EXPECT_EQ(out.status, 0) << out.err;
  EXPECT_NE(dir_.Read("src/payloads/paypal.js")
                .find("sessionId: this.config.sessionId,"),
            std::string::npos);
  EXPECT_EQ(dir_.Read("src/checkout.js"), kCaller);
  std::string where = "sessionIds \"src/payloads/**\"";
  EXPECT_NE(out.err.find("src/checkout.js:4:10: payPal payload: migrated; "
                         "sessionId: this.config.sessionId (from " +
                         where + "); built at src/payloads/paypal.js:1:8"),
            std::string::npos)
      << out.err;
  nlohmann::json report = nlohmann::json::parse(dir_.Read("r.json"));
  EXPECT_EQ(report["sites"][0]["sessionExpression"],
            (nlohmann::json{{"expression", "this.config.sessionId"},
                            {"from", where}}));
  EXPECT_NE(dir_.Read("r.md").find("`this.config.sessionId` (from " + where),
            std::string::npos);
  EXPECT_NE(dir_.Read("r.html").find(
                "<code>this.config.sessionId</code> (from sessionIds "
                "&quot;src/payloads/**&quot;)"),
            std::string::npos);
  // --session-id still overrides every setting.
  dir_.Write("src/payloads/paypal.js", kBuilder);
  // (The HTML report names the builder: out of the project it goes.)
  Outcome flag =
      Shell(dir_.path(), "rm r.html && {bin} --write --session-id S src");
  EXPECT_NE(dir_.Read("src/payloads/paypal.js").find("sessionId: S,"),
            std::string::npos)
      << flag.err;
}

TEST_F(SitewideTest, InvalidSessionIdsAreOneLineErrorsNamingFileAndKey) {
  dir_.Write(".payment-session-migrate.json",
             "{\"sessionIds\": {\"src/[x/**\": \"a.b\"}}\n");
  Outcome glob = Shell(dir_.path(), "{bin} --write src");
  EXPECT_EQ(glob.status, 2);
  // The config file, found upwards, is named by its absolute path.
  std::string config = dir_.path().string() + "/.payment-session-migrate.json";
  EXPECT_EQ(glob.err, "payment-session-migrate: " + config +
                          ": sessionIds \"src/[x/**\": invalid glob: "
                          "unclosed `[`\n");
  dir_.Write(".payment-session-migrate.json",
             "{\"sessionIds\": {\"src/**\": \"this.(\"}}\n");
  Outcome expression = Shell(dir_.path(), "{bin} --write src");
  EXPECT_EQ(expression.status, 2);
  EXPECT_EQ(expression.err, "payment-session-migrate: " + config +
                                ": sessionIds \"src/**\": not a JavaScript "
                                "expression: this.(\n");
  EXPECT_EQ(dir_.Read("src/payloads/paypal.js"), kBuilder);
}

// The mode bits bind root too (WriteFileAtomically and the check before
// it go by them), so this fails the same whoever runs the tests.
TEST_F(SitewideTest, ReadOnlyBuilderLeavesTheCallerUnchangedAndSaysWhy) {
  dir_.Write(
      "src/own.js",
      "const dr = DigitalRiver('pk');\n"
      "dr.createSource({type: 'konbini', amount: 1, currency: 'JPY'});\n");
  std::filesystem::permissions(dir_.path() / "src/payloads/paypal.js",
                               std::filesystem::perms::owner_read |
                                   std::filesystem::perms::group_read |
                                   std::filesystem::perms::others_read);
  Outcome out = Shell(dir_.path(),
                      "{bin} --write --session-id S --json-report r.json src");
  EXPECT_EQ(out.status, 2) << out.err;  // a file could not be written
  EXPECT_EQ(dir_.Read("src/payloads/paypal.js"), kBuilder);
  EXPECT_EQ(dir_.Read("src/checkout.js"), kCaller);
  // Sites of other files are theirs alone: still written.
  EXPECT_NE(dir_.Read("src/own.js").find("sessionId: S"), std::string::npos);
  nlohmann::json report = nlohmann::json::parse(dir_.Read("r.json"));
  nlohmann::json site;
  for (const auto& s : report["sites"])
    if (s["file"] == "src/checkout.js") site = s;
  ASSERT_FALSE(site.is_null()) << report.dump(1);
  EXPECT_EQ(site["status"], "needs-review");
  EXPECT_NE(site["reasons"].dump().find(
                "the file that builds the payload (src/payloads/paypal.js) "
                "was not changed, so nothing of this site was written: "
                "read-only file"),
            std::string::npos)
      << site.dump(1);
}

}  // namespace
}  // namespace psm::testing_cli
