// --diff names files so that `git apply` takes the diff (hunt finding
// diff-path-not-normalized): paths as the user typed them (`./x/./y`,
// `../x`, `$PWD/a/../b`, absolute from `/`) once gave headers git rejects
// as invalid. Each case runs the real `git apply --check`.
#include <gtest/gtest.h>

#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

class DiffPathsTest : public ::testing::Test {
 protected:
  // A repository with the legacy payload in shared/, and web/ to run in.
  void SetUp() override {
    dir_.Write("repo/shared/pay.js", kLegacyKonbini);
    dir_.Write("repo/web/index.html", "<p></p>\n");
    ASSERT_EQ(In("repo",
                 "git init -q . && git add -A && "
                 "git -c user.name=t -c user.email=t@t commit -qm base")
                  .status,
              0);
  }

  // Runs `command` in `where`: absolute, or relative to the scratch dir.
  Outcome In(const std::string& where, const std::string& command) {
    return Shell(dir_.path(), "cd '" + where + "' && " + command);
  }

  std::string Absolute(const std::string& relative) {
    return (dir_.path() / relative).string();
  }

  // The tool's diff of `args`, run in `where`, names the file `header` and
  // passes `git apply --check` in `apply_in`.
  void ExpectApplies(const std::string& where, const std::string& args,
                     const std::string& header, const std::string& apply_in) {
    Outcome diff = In(where, "{bin} --diff --session-id S " + args);
    ASSERT_EQ(diff.status, 0) << diff.err;
    EXPECT_EQ(diff.out.substr(0, diff.out.find('\n')), "--- a/" + header);
    dir_.Write("psm.patch", diff.out);
    Outcome check =
        In(apply_in, "git apply --check '" + Absolute("psm.patch") + "'");
    EXPECT_EQ(check.status, 0) << check.err << diff.out;
  }

  ScratchDir dir_;
};

TEST_F(DiffPathsTest, DotComponentsAreDropped) {
  ExpectApplies("repo", "./shared/./pay.js", "shared/pay.js", "repo");
}

TEST_F(DiffPathsTest, AnAbsolutePathThroughDotDotIsNamedFromTheWorkingDir) {
  ExpectApplies("repo", "\"$PWD/web/../shared/pay.js\"", "shared/pay.js",
                "repo");
}

// git apply reads a plain diff relative to the directory it runs in and
// rejects `..`; the file above the working directory is named as `git diff`
// names it, from the repository's root, where the diff applies.
TEST_F(DiffPathsTest, AFileAboveTheWorkingDirIsNamedFromTheRepositoryRoot) {
  ExpectApplies("repo/web", "../shared/pay.js", "shared/pay.js", "repo");
}

// Outside any work tree the absolute path names it, without the leading
// slash, as `git diff --no-index` writes one; it applies at `/`.
TEST_F(DiffPathsTest, AFileAboveTheWorkingDirOutsideARepositoryIsAbsolute) {
  dir_.Write("plain/pay.js", kLegacyKonbini);
  dir_.Write("plain/sub/keep.txt", "");
  ExpectApplies("plain/sub", "../pay.js", Absolute("plain/pay.js").substr(1),
                "/");
}

TEST_F(DiffPathsTest, AnAbsolutePathFromTheRootHasNoDoubledSlash) {
  std::string absolute = Absolute("repo/shared/pay.js");
  ExpectApplies("/", "'" + absolute + "'", absolute.substr(1), "/");
}

TEST_F(DiffPathsTest, MessagesStillNameTheFileAsGiven) {
  Outcome check =
      In("repo/web", "{bin} --check --session-id S ../shared/pay.js");
  EXPECT_EQ(check.status, 1) << check.err;
  EXPECT_NE(check.out.find("../shared/pay.js"), std::string::npos) << check.out;
}

}  // namespace
}  // namespace psm::testing_cli
