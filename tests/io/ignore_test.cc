// The walk's ignore rules against git's own answer (`git ls-files --cached
// --others --exclude-standard`) on real repositories made at test time.
#include "io/ignore.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"
#include "io/walk.h"
#include "syntax/language.h"

namespace psm {
namespace {

using testing_cli::ScratchDir;
using testing_cli::Shell;

// The files the walk of `sub` (under `dir`) takes, relative to `dir`.
std::vector<std::string> Walked(const ScratchDir& dir,
                                const std::string& sub = "",
                                unsigned jobs = 1) {
  std::string root = dir.path().string();
  IgnoreRules ignore({}, {});
  WalkResult walk =
      CollectFiles({sub.empty() ? root : root + "/" + sub}, &ignore, jobs);
  std::vector<std::string> files;
  for (const std::string& f : walk.files)
    files.push_back(f.substr(root.size() + 1));
  return files;
}

// What git lists in the repository at `repo` (relative to `dir`), as the
// walk would take it: migratable files, no node_modules, no nested
// repositories (git lists those as "name/").
std::vector<std::string> GitSees(const ScratchDir& dir,
                                 const std::string& repo = "") {
  testing_cli::Outcome run = Shell(
      dir.path() / repo, "git ls-files --cached --others --exclude-standard");
  EXPECT_EQ(run.status, 0) << run.err;
  std::vector<std::string> files;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.ends_with("/") || !IsMigratableExtension(line.c_str()) ||
        line.find("node_modules/") != std::string::npos)
      continue;
    files.push_back(repo.empty() ? line : repo + "/" + line);
  }
  std::sort(files.begin(), files.end());
  return files;
}

void GitInit(const ScratchDir& dir, const std::string& repo = ".") {
  ASSERT_EQ(Shell(dir.path(), "git init -q " + repo).status, 0);
}

void WriteAll(const ScratchDir& dir, const std::vector<std::string>& files) {
  for (const std::string& f : files) dir.Write(f, "x\n");
}

TEST(IgnoreRulesTest, NestedGitignoreNegationsAnchorsAndGlobstarsAsGit) {
  ScratchDir dir;
  GitInit(dir);
  dir.Write(".gitignore",
            "build/\n*.gen.js\n!keep.gen.js\n/root-only.js\ndocs/**/*.js\n"
            "lib/**/tmp/\n# a comment\n\\#hash.js\nspaced.js   \n"
            "w?ld[ab].js\nout/*\n!out/kept.js\n**/deep/x.js\n");
  dir.Write("src/.gitignore", "legacy/\n/local.js\n!important.gen.js\n");
  dir.Write("src/sub/.gitignore", "!local.js\n*.ts\n");
  WriteAll(dir, {"a.js",
                 "build/b.js",
                 "src/c.gen.js",
                 "src/keep.gen.js",
                 "src/legacy/d.js",
                 "root-only.js",
                 "src/root-only.js",
                 "docs/a/b/x.js",
                 "docs/y.js",
                 "docs/y.ts",
                 "lib/x/tmp/z.js",
                 "lib/tmp/w.js",
                 "lib/w.js",
                 "#hash.js",
                 "src/local.js",
                 "src/sub/local.js",
                 "src/important.gen.js",
                 "spaced.js",
                 "wild.js",
                 "wilda.js",
                 "wildc.js",
                 "out/o.js",
                 "out/kept.js",
                 "src/sub/t.ts",
                 "t.ts",
                 "a/deep/x.js",
                 "deep/x.js",
                 "deep/y.js",
                 "node_modules/n.js"});
  std::vector<std::string> git = GitSees(dir);
  EXPECT_EQ(Walked(dir), git);
  EXPECT_EQ(git.size(), 12u);  // the test means something
}

TEST(IgnoreRulesTest, InfoExcludeAndCoreExcludesFileAsGit) {
  ScratchDir dir;
  GitInit(dir);
  dir.Write(".git/info/exclude", "scratch.js\n");
  dir.Write("global-ignore", "*.local.js\n");
  ASSERT_EQ(
      Shell(dir.path(), "git config core.excludesFile \"$PWD/global-ignore\"")
          .status,
      0);
  // A deeper .gitignore wins over both.
  dir.Write("keep/.gitignore", "!scratch.js\n");
  WriteAll(dir, {"scratch.js", "a.local.js", "b.js", "keep/scratch.js",
                 "keep/c.local.js"});
  EXPECT_EQ(Walked(dir), GitSees(dir));
  EXPECT_EQ(Walked(dir), (std::vector<std::string>{"b.js", "keep/scratch.js"}));
}

TEST(IgnoreRulesTest, CoreIgnoreCaseMatchesAsGit) {
  ScratchDir dir;
  GitInit(dir);
  ASSERT_EQ(Shell(dir.path(), "git config core.ignoreCase true").status, 0);
  dir.Write(".gitignore", "Build/\n*.GEN.js\n");
  WriteAll(dir, {"build/a.js", "x.gen.js", "y.js"});
  EXPECT_EQ(Walked(dir), GitSees(dir));
  EXPECT_EQ(Walked(dir), std::vector<std::string>{"y.js"});
}

TEST(IgnoreRulesTest, ASubmoduleHasItsOwnRules) {
  ScratchDir upstream, dir;
  GitInit(upstream);
  upstream.Write("tracked.js", "x\n");
  upstream.Write(".gitignore", "gen/\n");
  ASSERT_EQ(Shell(upstream.path(),
                  "git add -A && git -c user.email=t@example.com -c "
                  "user.name=t commit -qm one")
                .status,
            0);
  GitInit(dir);
  ASSERT_EQ(Shell(dir.path(),
                  "git -c protocol.file.allow=always submodule "
                  "add -q " +
                      upstream.path().string() + " lib")
                .status,
            0);
  // The superproject's rules stop at the submodule; the submodule's own
  // (its .gitignore, its info/exclude under .git/modules) apply inside.
  dir.Write(".gitignore", "*.skip.js\n");
  dir.Write(".git/modules/lib/info/exclude", "excluded.js\n");
  WriteAll(dir, {"a.js", "a.skip.js", "lib/b.skip.js", "lib/gen/g.js",
                 "lib/excluded.js", "lib/new.js"});
  std::vector<std::string> git = GitSees(dir);
  for (const std::string& f : GitSees(dir, "lib")) git.push_back(f);
  std::sort(git.begin(), git.end());
  EXPECT_EQ(Walked(dir), git);
  EXPECT_EQ(git, (std::vector<std::string>{"a.js", "lib/b.skip.js",
                                           "lib/new.js", "lib/tracked.js"}));
}

TEST(IgnoreRulesTest, DotIgnoreFilesWinOverGitignoreAndWorkOutsideGit) {
  ScratchDir dir;
  GitInit(dir, "repo");
  dir.Write("repo/.gitignore", "kept.js\n*.tmp.js\n");
  dir.Write("repo/web/.ignore", "!kept.js\nvendor/\n");
  WriteAll(dir, {"repo/web/kept.js", "repo/web/vendor/v.js",
                 "repo/web/a.tmp.js", "repo/kept.js"});
  EXPECT_EQ(Walked(dir, "repo"), std::vector<std::string>{"repo/web/kept.js"});
  // Outside a work tree .gitignore means nothing (as to git and ripgrep);
  // .ignore files still apply.
  dir.Write("plain/.gitignore", "a.js\n");
  dir.Write("plain/.ignore", "b.js\n");
  WriteAll(dir, {"plain/a.js", "plain/b.js"});
  EXPECT_EQ(Walked(dir, "plain"), std::vector<std::string>{"plain/a.js"});
}

TEST(IgnoreRulesTest, APathGivenInsideTheRepositoryKeepsTheRulesAboveIt) {
  ScratchDir dir;
  GitInit(dir);
  dir.Write(".gitignore", "*.gen.js\nbuild/\n");
  dir.Write("src/.gitignore", "old/\n");
  WriteAll(dir, {"src/app/a.js", "src/app/b.gen.js", "src/old/c.js",
                 "build/d.js", "build/sub/e.js"});
  EXPECT_EQ(Walked(dir, "src/app"), std::vector<std::string>{"src/app/a.js"});
  // Inside an ignored directory nothing is listed, as git lists nothing.
  EXPECT_TRUE(Walked(dir, "build/sub").empty());
  EXPECT_TRUE(Walked(dir, "src/old").empty());
  EXPECT_TRUE(GitSees(dir, "build/sub").empty());
  // A file named explicitly is taken, ignored or not.
  IgnoreRules ignore({}, {});
  std::string file = (dir.path() / "src/app/b.gen.js").string();
  EXPECT_EQ(CollectFiles({file}, &ignore).files,
            std::vector<std::string>{file});
}

// Many generated patterns and paths, checked against git: what hand-written
// cases miss.
// tracked-ignored-file-skipped: git ignores untracked files only, so a
// file added with `git add -f` under an ignored directory is walked, in
// every index format git writes.
TEST(IgnoreRulesTest, TrackedFilesUnderIgnoreRulesAreWalkedAsGit) {
  ScratchDir dir;
  GitInit(dir);
  dir.Write(".gitignore", "build/\n*.gen.js\nout/\n");
  WriteAll(dir, {"build/checkout.js", "build/other.js", "build/deep/x.js",
                 "build/deep/y.js", "a.gen.js", "b.gen.js", "out/z.js",
                 "src/a.js"});
  ASSERT_EQ(Shell(dir.path(), "git add -f build/checkout.js build/deep/x.js "
                              "a.gen.js && git add .")
                .status,
            0);
  const std::vector<std::string> expected = {
      "a.gen.js", "build/checkout.js", "build/deep/x.js", "src/a.js"};
  EXPECT_EQ(GitSees(dir), expected);
  for (const char* format :
       {"--index-version 2", "--index-version 3", "--index-version 4",
        "--split-index"}) {
    ASSERT_EQ(Shell(dir.path(), std::string("git update-index ") + format)
                  .status,
              0);
    EXPECT_EQ(Walked(dir), expected) << format;
    EXPECT_EQ(Walked(dir, "", 3), expected) << format;
  }
  // Named inside the ignored directory: its tracked files alone.
  EXPECT_EQ(Walked(dir, "build/deep"),
            std::vector<std::string>{"build/deep/x.js"});
}

// A .ignore file is the user's word to this tool, not git's: it leaves out
// tracked files too.
TEST(IgnoreRulesTest, DotIgnoreLeavesOutTrackedFilesToo) {
  ScratchDir dir;
  GitInit(dir);
  dir.Write(".ignore", "vendor/\n");
  WriteAll(dir, {"vendor/v.js", "a.js"});
  ASSERT_EQ(Shell(dir.path(), "git add .").status, 0);
  EXPECT_EQ(Walked(dir), std::vector<std::string>{"a.js"});
}

TEST(IgnoreRulesTest, GeneratedPatternsAgreeWithGit) {
  std::mt19937 random(14);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[random() % from.size()];
  };
  const std::vector<std::string> names = {"a", "b", "ab", "x1", "lib", "out"};
  const std::vector<std::string> globs = {
      "a", "b*", "*b", "x?", "[ab]", "lib", "**", "*.js", "out", "a*b", "*"};
  for (int round = 0; round < 4; ++round) {
    ScratchDir dir;
    GitInit(dir);
    std::vector<std::string> files;
    for (int i = 0; i < 60; ++i) {
      std::string path;
      int depth = 1 + static_cast<int>(random() % 3);
      for (int d = 0; d < depth; ++d) path += pick(names) + "/";
      files.push_back(path + pick(names) + ".js");
    }
    WriteAll(dir, files);
    for (const std::string& where : {std::string(""), pick(names) + "/"}) {
      std::string text;
      for (int i = 0; i < 6; ++i) {
        std::string pattern = random() % 4 == 0 ? "!" : "";
        if (random() % 3 == 0) pattern += "/";
        int parts = 1 + static_cast<int>(random() % 2);
        for (int p = 0; p < parts; ++p) pattern += (p ? "/" : "") + pick(globs);
        if (random() % 4 == 0) pattern += "/";
        text += pattern + "\n";
      }
      dir.Write(where + ".gitignore", text);
    }
    EXPECT_EQ(Walked(dir), GitSees(dir)) << "round " << round;
  }
}

}  // namespace
}  // namespace psm
