// --staged in a repository owned by another user (hunt finding
// staged-dubious-ownership): the error once blamed a missing config value,
// and `safe.directory = *` (common in CI containers), which git honours,
// still failed because libgit2 1.5 matches only paths.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

class StagedOwnershipTest : public ::testing::Test {
 protected:
  // A repository with the legacy payload staged, handed to `nobody`; the
  // tool runs as root, to whom the repository then belongs to another user.
  void SetUp() override {
    if (::geteuid() != 0)
      GTEST_SKIP() << "needs root, to give the repository to another user";
    dir_.Write("repo/pay.js", kLegacyKonbini);
    dir_.Write("home/.gitconfig", "");
    ASSERT_EQ(In("git init -q . && git add pay.js && chown -R nobody .").status,
              0);
  }

  // Runs `command` in the repository with git's user and system config
  // replaced by ours.
  Outcome In(const std::string& command) {
    std::string home = (dir_.path() / "home").string();
    return Shell(dir_.path() / "repo", "HOME='" + home + "' XDG_CONFIG_HOME='" +
                                           home + "' GIT_CONFIG_NOSYSTEM=1 " +
                                           command);
  }

  void Trust(const std::string& value) {
    dir_.Write("home/.gitconfig", "[safe]\n\tdirectory = " + value + "\n");
  }

  Outcome CheckStaged() { return In("{bin} --check --staged --session-id S"); }

  ScratchDir dir_;
};

TEST_F(StagedOwnershipTest, TheErrorNamesTheOwnerCheckAndItsFix) {
  // Only meaningful where git refuses the repository as the tool does.
  ASSERT_NE(In("git status --short").status, 0);
  Outcome run = CheckStaged();
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("owned by another user"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("git config --global --add safe.directory " +
                         (dir_.path() / "repo").string()),
            std::string::npos)
      << run.err;
  EXPECT_EQ(run.err.find("not inside a git repository"), std::string::npos)
      << run.err;
}

TEST_F(StagedOwnershipTest, SafeDirectoryStarIsHonoured) {
  Trust("*");
  ASSERT_EQ(In("git status --short").status, 0);
  Outcome run = CheckStaged();
  EXPECT_EQ(run.status, 1) << run.err;  // the staged payload is legacy
  EXPECT_NE(run.out.find("pay.js"), std::string::npos) << run.out;
}

TEST_F(StagedOwnershipTest, SafeDirectoryNamingTheRepositoryIsHonoured) {
  Trust((dir_.path() / "repo").string());
  Outcome run = CheckStaged();
  EXPECT_EQ(run.status, 1) << run.err;
}

TEST_F(StagedOwnershipTest, SafeDirectoryNamingAnotherRepositoryIsNot) {
  Trust((dir_.path() / "elsewhere").string());
  Outcome run = CheckStaged();
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_NE(run.err.find("owned by another user"), std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace psm::testing_cli
