// The walk reads ignore files itself, so a machine without libgit2
// (PSM_LIBGIT2=off) and the WebAssembly build (which never has it; see
// tests/npm/npm_install_test.sh) take the files git takes: checked here
// against `git ls-files --cached --others --exclude-standard` on the awkward
// cases of gitignore(5), through the binary as a user runs it.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"
#include "io/ignore.h"
#include "io/walk.h"
#include "syntax/language.h"

namespace psm {
namespace {

using testing_cli::ScratchDir;
using testing_cli::Shell;

// What git lists at `dir`, as the walk would take it (migratable files, no
// node_modules), relative to `dir`.
std::set<std::string> GitSees(const std::filesystem::path& dir) {
  testing_cli::Outcome run =
      Shell(dir, "git ls-files --cached --others --exclude-standard");
  EXPECT_EQ(run.status, 0) << run.err;
  std::set<std::string> files;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.ends_with("/") && IsMigratableExtension(line) &&
        line.find("node_modules/") == std::string::npos)
      files.insert(line);
  }
  return files;
}

// The files a `--check .` run at `dir` reports (each holds a legacy call).
std::set<std::string> Reported(const std::filesystem::path& dir,
                               const std::string& env = "") {
  testing_cli::Outcome run = Shell(dir, env + "{bin} --check --quiet .");
  EXPECT_EQ(run.status, 1) << run.err;
  std::set<std::string> files;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    size_t colon = line.find(':');
    if (colon != std::string::npos) files.insert(line.substr(0, colon));
  }
  return files;
}

// gitignore(5)'s corners: nested files and their precedence, negations
// (also under an ignored directory, which git does not re-include),
// anchors, directory-only patterns, `**`, brackets, escapes, trailing
// blanks, a CR line end, info/exclude and core.excludesFile.
class IgnoreWithoutLibgit2Test : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Shell(dir_.path(), "git init -q .").status, 0);
    dir_.Write(".gitignore",
               "*.log.js\n/build/\n!keep.log.js\ndocs/*.js\n**/gen/**\n"
               "a/**/deep.js\n\\#hash.js\ntrailing.js   \nsp\\ ace.js\n"
               "out/\n!out/wanted.js\n[xy]z.js\n?q.js\nmid/dir\r\n"
               "# a comment\n\n\\!bang.js\n");
    dir_.Write("src/.gitignore", "*.tmp.js\n!important.tmp.js\n/local.js\n");
    dir_.Write("src/sub/.gitignore", "!*.log.js\nlocal.js\n");
    dir_.Write(".git/info/exclude", "scratch/\n");
    dir_.Write("global-excludes", "*.secret.js\n");
    ASSERT_EQ(Shell(dir_.path(),
                    "git config core.excludesFile \"$PWD/global-excludes\"")
                  .status,
              0);
    for (const char* f : {"a.log.js",
                          "keep.log.js",
                          "src/keep.log.js",
                          "src/sub/x.log.js",
                          "build/b.js",
                          "src/build/b.js",
                          "docs/d.js",
                          "docs/sub/d.js",
                          "x/gen/g.js",
                          "gen/g.js",
                          "a/deep.js",
                          "a/b/c/deep.js",
                          "#hash.js",
                          "trailing.js",
                          "sp ace.js",
                          "out/wanted.js",
                          "out/other.js",
                          "xz.js",
                          "zz.js",
                          "1q.js",
                          "mid/dir/f.js",
                          "!bang.js",
                          "src/a.tmp.js",
                          "src/important.tmp.js",
                          "src/local.js",
                          "src/sub/local.js",
                          "src/x/local.js",
                          "scratch/s.js",
                          "src/scratch/s.js",
                          "k.secret.js",
                          "plain.js",
                          "src/plain.js"}) {
      dir_.Write(f, testing_cli::kLegacyKonbini);
    }
  }

  ScratchDir dir_;
};

TEST_F(IgnoreWithoutLibgit2Test, TakesWhatGitListsWithAndWithoutLibgit2) {
  std::set<std::string> git = GitSees(dir_.path());
  // The tree must exercise both answers, or the comparison proves little.
  EXPECT_GT(git.size(), 8u);
  EXPECT_LT(git.size(), 24u);
  EXPECT_EQ(Reported(dir_.path()), git);
  EXPECT_EQ(Reported(dir_.path(), "PSM_LIBGIT2=off "), git);
  // A `.ignore` file (ripgrep's, not git's) adds to what git leaves out.
  dir_.Write("web/.ignore", "vendor/\n");
  dir_.Write("web/vendor/v.js", testing_cli::kLegacyKonbini);
  dir_.Write("web/app.js", testing_cli::kLegacyKonbini);
  git = GitSees(dir_.path());
  ASSERT_EQ(git.erase("web/vendor/v.js"), 1u);
  EXPECT_EQ(Reported(dir_.path(), "PSM_LIBGIT2=off "), git);
}

TEST_F(IgnoreWithoutLibgit2Test, ALinkedWorktreeUsesTheCommonInfoExclude) {
  ASSERT_EQ(Shell(dir_.path(),
                  "git add -A && git -c user.email=t@e -c user.name=t "
                  "commit -qm x && git worktree add -q wt 2>/dev/null")
                .status,
            0);
  std::filesystem::path wt = dir_.path() / "wt";
  // info/exclude lives in the main repository's git directory only.
  for (const char* f : {"scratch/new.js", "new.secret.js", "new.js"})
    dir_.Write(std::string("wt/") + f, testing_cli::kLegacyKonbini);
  std::set<std::string> git = GitSees(wt);
  EXPECT_EQ(git.count("scratch/new.js"), 0u);
  EXPECT_EQ(git.count("new.secret.js"), 0u);
  EXPECT_EQ(git.count("new.js"), 1u);
  EXPECT_EQ(Reported(wt, "PSM_LIBGIT2=off "), git);
  IgnoreRules ignore({}, {});
  WalkResult walk = CollectFiles({wt.string()}, &ignore);
  EXPECT_EQ(walk.files.size(), git.size());
}

}  // namespace
}  // namespace psm
