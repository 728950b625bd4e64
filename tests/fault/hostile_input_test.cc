// Hostile user input through the binary: every malformed rules file or
// argument must end in exit status 2 with a one-line message naming the
// file (or option) and the cause -- never a crash, never a message that
// spills over several lines. Found by fuzz/fuzz_rules and fuzz/fuzz_cli.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kLegacy =
    "var dr = DigitalRiver('pk');\n"
    "dr.createSource({ type: 'konbini', amount: 10, currency: 'JPY' });\n";

int Lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

class HostileInputTest : public testing::Test {
 protected:
  void SetUp() override { dir_.Write("pay.js", kLegacy); }
  // Runs the tool with `args`; the file must be left as it was.
  Outcome Tool(const std::string& args) {
    Outcome run = Shell(dir_.path(), "{bin} --write --session-id S " + args);
    EXPECT_EQ(dir_.Read("pay.js"), kLegacy) << "a rejected run wrote the file";
    return run;
  }
  ScratchDir dir_;
};

// fuzz_rules: nlohmann::json throws out_of_range (not parse_error) for a
// number it cannot represent; ParseRules only catches parse_error, so the
// tool dies with std::terminate (exit 134).
TEST_F(HostileInputTest, RulesFileWithAnOverflowingNumberIsStatusTwo) {
  dir_.Write("rules.json", "{\"version\": 1e999, \"methods\": {}}\n");
  Outcome run = Tool("--rules rules.json pay.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
  EXPECT_NE(run.err.find("rules.json"), std::string::npos) << run.err;
}

TEST_F(HostileInputTest, RulesFileWithAnOverflowingNumberDeepInsideIsStatusTwo) {
  dir_.Write("rules.json",
             "{\"version\": 1, \"methods\": {\"alipay\": {\"remove\": [\"amount\"], "
             "\"name\": \"Alipay\"}}, \"source\": [-1e400]}\n");
  Outcome run = Tool("--rules rules.json pay.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

// The README promises one line naming the file, the place and the problem;
// a JSON key holding a line break is echoed raw into the message.
TEST_F(HostileInputTest, RulesErrorNamingAKeyWithALineBreakIsOneLine) {
  dir_.Write("rules.json", "{\"version\": 1, \"methods\": {\"pay\\nPal\": {}}}\n");
  Outcome run = Tool("--rules rules.json pay.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

TEST_F(HostileInputTest, SessionIdWithALineBreakIsAOneLineUsageError) {
  Outcome run = Shell(dir_.path(), "{bin} --write --session-id \"$(printf 'a\\nb')\" pay.js");
  EXPECT_EQ(dir_.Read("pay.js"), kLegacy);
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

TEST_F(HostileInputTest, UnknownOptionWithALineBreakIsAOneLineUsageError) {
  Outcome run = Shell(dir_.path(), "{bin} \"$(printf -- '--bogus\\nflag')\" pay.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

}  // namespace
}  // namespace psm::testing_cli
