// Hostile user input through the binary: every malformed rules file or
// argument must end in exit status 2 with a one-line message naming the
// file (or option) and the cause -- never a crash, never a message that
// spills over several lines. Regression tests for what fuzz/fuzz_rules and
// fuzz/fuzz_cli found (fixed in db27b17).
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
// number it cannot represent; ParseRules caught only parse_error, so the
// tool died in std::terminate (exit 134).
TEST_F(HostileInputTest, RulesFileWithAnOverflowingNumberIsStatusTwo) {
  dir_.Write("rules.json", "{\"version\": 1e999, \"methods\": {}}\n");
  Outcome run = Tool("--rules rules.json pay.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
  EXPECT_NE(run.err.find("rules.json"), std::string::npos) << run.err;
}

TEST_F(HostileInputTest,
       RulesFileWithAnOverflowingNumberDeepInsideIsStatusTwo) {
  dir_.Write(
      "rules.json",
      "{\"version\": 1, \"methods\": {\"alipay\": {\"remove\": [\"amount\"], "
      "\"name\": \"Alipay\"}}, \"source\": [-1e400]}\n");
  Outcome run = Tool("--rules rules.json pay.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

// The README promises one line naming the file, the place and the problem;
// a JSON key holding a line break was echoed raw into the message.
TEST_F(HostileInputTest, RulesErrorNamingAKeyWithALineBreakIsOneLine) {
  dir_.Write("rules.json",
             "{\"version\": 1, \"methods\": {\"pay\\nPal\": {}}}\n");
  Outcome run = Tool("--rules rules.json pay.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

TEST_F(HostileInputTest, SessionIdWithALineBreakIsAOneLineUsageError) {
  Outcome run = Shell(
      dir_.path(), "{bin} --write --session-id \"$(printf 'a\\nb')\" pay.js");
  EXPECT_EQ(dir_.Read("pay.js"), kLegacy);
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

TEST_F(HostileInputTest, UnknownOptionWithALineBreakIsAOneLineUsageError) {
  Outcome run =
      Shell(dir_.path(), "{bin} \"$(printf -- '--bogus\\nflag')\" pay.js");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

// fuzz_migrate: a payload built by calling a variable declared without a
// value. PayloadResolver::FunctionCalled passed the declarator's missing
// `value` (a null node) to node::IsFunction, whose ts_node_type dereferenced
// NULL: the tool died with SIGSEGV (status 139) on valid JavaScript (fixed
// in 1e89073).
TEST_F(HostileInputTest, PayloadFromACallOfAnUnassignedVariableDoesNotCrash) {
  dir_.Write("build.js", "let build;\ndr.createSource(build());\n");
  Outcome run = Shell(dir_.path(), "{bin} --session-id S build.js");
  EXPECT_EQ(run.status, 0) << run.err;
  dir_.Write("hoisted.js", "dr.createSource(make());\nvar make;\n");
  Outcome hoisted = Shell(dir_.path(), "{bin} --session-id S hoisted.js");
  EXPECT_EQ(hoisted.status, 0) << hoisted.err;
}

// fuzz_migrate (a timeout): in TypeScript, `{:<?l>,}` parses with a
// MISSING identifier -- a zero-length node -- as a property value.
// ReadValue traces it with ResolveName(""), and ScopeIndex::Get("") loops
// for ever: source.find("") finds offset `at` again and again, since the
// loop advances by name.size() == 0. The whole run hangs on one bad file.
TEST_F(HostileInputTest, PayloadValueThatIsAMissingIdentifierDoesNotHang) {
  dir_.Write("broken.ts", "var p = {:<?l>,}\nr.createSource(p)\n");
  Outcome run = Shell(dir_.path(), "timeout 20 {bin} --session-id S broken.ts");
  EXPECT_NE(run.status, 124) << "still running after 20 s";
  EXPECT_EQ(run.status, 0) << run.err;
}

// tree-sitter 0.20.7 frees memory it does not own on text nesting some
// 20,000 deep: the run died of SIGSEGV while deleting the tree (even a bare
// parse of it does). Such a file is refused with one line, and the other
// files of the run are migrated.
TEST_F(HostileInputTest, TextNestingTwentyThousandDeepIsRefusedNotACrash) {
  std::string deep = "dr.createSource({ type: 'payPal', amount: 1 });\n";
  for (int i = 0; i < 20000; ++i) deep += "function f(){\n";
  dir_.Write("deep.js", deep);
  std::string page = "<script>\n";
  for (int i = 0; i < 8000; ++i)
    page += "dr.createSource({type: 'payPal', amount: x( {\n";
  dir_.Write("deep.html", page + "</script>\n");
  Outcome run = Shell(dir_.path(),
                      "{bin} --write --session-id S "
                      "--max-file-size 100000000 .");
  EXPECT_EQ(run.status, 2) << run.err;
  for (const char* file : {"deep.js", "deep.html"}) {
    EXPECT_NE(run.err.find(std::string(file) + ": brackets nest more than"),
              std::string::npos)
        << run.err;
  }
  EXPECT_EQ(dir_.Read("deep.js"), deep);
  EXPECT_NE(dir_.Read("pay.js"), kLegacy) << "the legacy file was not migrated";
}

}  // namespace
}  // namespace psm::testing_cli
