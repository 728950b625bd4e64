// --staged with payloads built in other modules (issue 11): the pre-commit
// case, where the staged files' builders sit in modules that are not
// staged. The builder is followed when the commit and the work tree agree
// on it; otherwise the site needs review, saying what to do.
#include <gtest/gtest.h>

#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

std::string Builder(const std::string& name, const std::string& type) {
  return "export function " + name +
         "(cart) {\n"
         "  return {\n"
         "    type: '" +
         type +
         "',\n"
         "    amount: cart.total,\n"
         "    currency: cart.currency,\n"
         "  };\n"
         "}\n";
}

std::string Caller(const std::string& name, const std::string& module) {
  return "import {" + name + "} from './payloads/" + module +
         ".js';\n"
         "export const pay = (dr, cart) => dr.createSource(" +
         name + "(cart));\n";
}

constexpr const char* kMethods[] = {"konbini", "wireTransfer", "directDebit",
                                    "payco", "bPay"};

class StagedLinksTest : public ::testing::Test {
 protected:
  // Five builders committed; five callers staged, one per builder.
  void SetUp() override {
    dir_.Write("package.json", "{\"name\": \"shop\"}\n");
    for (const char* method : kMethods) {
      dir_.Write(std::string("src/payloads/") + method + ".js",
                 Builder(std::string("build_") + method, method));
    }
    ASSERT_EQ(Git("init -q . && git add -A && git commit -qm base").status, 0);
    for (const char* method : kMethods) {
      dir_.Write(std::string("src/pay-") + method + ".js",
                 Caller(std::string("build_") + method, method));
    }
    ASSERT_EQ(Git("add src/pay-*.js").status, 0);
  }

  Outcome Git(const std::string& args) {
    return Shell(dir_.path(), "git -c user.name=t -c user.email=t@t " + args);
  }

  ScratchDir dir_;
};

TEST_F(StagedLinksTest, BuildersInUnstagedModulesAreFollowedFromTheIndex) {
  Outcome check = Shell(dir_.path(), "{bin} --check --staged --session-id S");
  EXPECT_EQ(check.status, 1) << check.err;
  for (const char* method : kMethods) {
    std::string line = std::string("src/pay-") + method +
                       ".js:2:34: " + method +
                       " payload (built at src/payloads/" + method +
                       ".js:1:8) needs migrating: add sessionId; remove "
                       "amount, currency";
    EXPECT_NE(check.out.find(line), std::string::npos) << line << "\n"
                                                       << check.out;
  }
  // The diff edits the builders as the index holds them: it applies to
  // the index (and, the builders having no unstaged change, to the work
  // tree); nothing is written.
  Outcome diff = Shell(dir_.path(),
                       "{bin} --diff --staged --session-id S > ../s.diff && "
                       "git apply --cached --check ../s.diff && "
                       "git apply --check ../s.diff && git status --short");
  EXPECT_EQ(diff.status, 0) << diff.err;
  EXPECT_EQ(diff.out,
            "A  src/pay-bPay.js\nA  src/pay-directDebit.js\n"
            "A  src/pay-konbini.js\nA  src/pay-payco.js\n"
            "A  src/pay-wireTransfer.js\n");
  // Applied to both, the commit holds the migrated builders: nothing left.
  Outcome applied = Shell(dir_.path(),
                          "git apply --cached ../s.diff && git apply ../s.diff"
                          " && {bin} --check --staged --session-id S");
  EXPECT_EQ(applied.status, 0) << applied.out << applied.err;
  Outcome after = Shell(
      dir_.path(), "git diff --cached --name-only -- src/payloads | wc -l");
  EXPECT_EQ(after.out, "5\n");
}

TEST_F(StagedLinksTest, ABuilderWithUnstagedChangesNeedsReview) {
  dir_.Write("src/payloads/konbini.js",
             "// work in progress\n" + Builder("build_konbini", "konbini"));
  Outcome check = Shell(dir_.path(), "{bin} --check --staged --session-id S");
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.out.find("src/pay-konbini.js:2:34: payload needs review: "
                           "the payload is built in src/payloads/konbini.js"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("it has unstaged changes"), std::string::npos);
  // The others are followed as before.
  EXPECT_NE(check.out.find("(built at src/payloads/payco.js:1:8)"),
            std::string::npos);
  Outcome diff = Shell(dir_.path(), "{bin} --diff --staged --session-id S");
  EXPECT_EQ(diff.out.find("konbini.js\n"), std::string::npos) << diff.out;
}

TEST_F(StagedLinksTest, AnUntrackedBuilderIsNotInTheCommit) {
  dir_.Write("src/payloads/klarna.js", Builder("build_klarna", "klarnaCredit"));
  dir_.Write("src/pay-klarna.js", Caller("build_klarna", "klarna"));
  ASSERT_EQ(Git("add src/pay-klarna.js").status, 0);
  Outcome check = Shell(dir_.path(), "{bin} --check --staged --session-id S");
  EXPECT_NE(check.out.find("src/pay-klarna.js:2:34: payload needs review"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("not in the git index (untracked)"),
            std::string::npos);
}

TEST_F(StagedLinksTest, APartlyStagedCallerIsJudgedAsStaged) {
  dir_.Write("src/pay-payco.js",
             "// not staged\n\n" + Caller("build_payco", "payco"));
  Outcome check = Shell(dir_.path(), "{bin} --check --staged --session-id S");
  EXPECT_NE(check.out.find("src/pay-payco.js:2:34: payco payload (built at "
                           "src/payloads/payco.js:1:8)"),
            std::string::npos)
      << check.out;
}

}  // namespace
}  // namespace psm::testing_cli
