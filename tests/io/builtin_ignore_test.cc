// The built-in .gitignore reader (used without libgit2: a machine without
// it, the WebAssembly build) must take exactly the files libgit2 takes.
#include "io/builtin_ignore.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"
#include "io/git_api.h"
#include "io/wildmatch.h"

namespace psm {
namespace {

using testing_cli::ScratchDir;
using testing_cli::Shell;

struct WildCase {
  const char* pattern;
  const char* text;
  bool pathname;
  bool matches;
};

TEST(WildMatchTest, FollowsGitsGlobDialect) {
  const WildCase cases[] = {
      {"*.js", "a.js", true, true},
      {"*.js", "d/a.js", true, false},
      {"*.js", "d/a.js", false, true},
      {"a/**/b", "a/b", true, true},
      {"a/**/b", "a/x/y/b", true, true},
      {"**/b", "b", true, true},
      {"**/b", "x/y/b", true, true},
      {"a/**", "a/x/y", true, true},
      {"a/**", "a", true, false},
      {"a**b", "a/x/b", true, false},  // `**` not between slashes is `*`
      {"?.js", "a.js", true, true},
      {"?.js", "/.js", true, false},
      {"[a-c].js", "b.js", true, true},
      {"[!a-c].js", "b.js", true, false},
      {"[^a-c].js", "d.js", true, true},
      {"[[:digit:]]x", "7x", true, true},
      {"[]]x", "]x", true, true},
      {"\\*.js", "*.js", true, true},
      {"\\*.js", "a.js", true, false},
      {"[a", "[a", true, false},  // an unclosed bracket matches nothing
      {"a*b*c", "abxbxc", true, true},
  };
  for (const WildCase& c : cases) {
    EXPECT_EQ(WildMatch(c.pattern, c.text, c.pathname), c.matches)
        << c.pattern << " ~ " << c.text;
  }
}

// A repository with the awkward cases of gitignore(5): nested files and
// their precedence, negations (also under an ignored directory), anchors,
// directory-only patterns, `**`, brackets, escapes, trailing blanks, CRLF,
// info/exclude and core.excludesFile.
class BuiltinIgnoreTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Shell(dir_.path(), "git init -q .").status, 0);
    dir_.Write(".gitignore",
               "*.log\n/build/\n!keep.log\ndocs/*.js\n**/gen/**\n"
               "a/**/deep.js\n\\#hash.js\ntrailing.js   \nsp\\ ace.js\n"
               "out/\n!out/wanted.js\n[xy]z.js\n?q.js\nmid/dir\r\n"
               "# a comment\n\n\\!bang.js\n");
    dir_.Write("src/.gitignore", "*.tmp.js\n!important.tmp.js\n/local.js\n");
    dir_.Write("src/sub/.gitignore", "!*.log\nlocal.js\n");
    dir_.Write(".git/info/exclude", "scratch/\n");
    dir_.Write("global-excludes", "*.secret.js\n");
    ASSERT_EQ(Shell(dir_.path(),
                    "git config core.excludesFile \"$PWD/global-excludes\"")
                  .status,
              0);
  }

  std::vector<std::pair<std::string, bool>> Paths() const {
    std::vector<std::pair<std::string, bool>> paths;
    for (const char* f : {"a.log",
                          "keep.log",
                          "src/keep.log",
                          "src/sub/x.log",
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
                          "mid/dir",
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
      paths.push_back({f, false});
    }
    for (const char* d : {"build", "src/build", "out", "scratch", "mid/dir",
                          "x/gen", "src", "src/sub", "docs"}) {
      paths.push_back({d, true});
    }
    return paths;
  }

  ScratchDir dir_;
};

TEST_F(BuiltinIgnoreTest, AgreesWithLibgit2OnEveryPath) {
  const GitApi* git = Git();
  if (!git) GTEST_SKIP() << "libgit2 is not installed: nothing to compare";
  std::optional<GitRepoFiles> files = FindGitRepoFiles(dir_.path().string());
  ASSERT_TRUE(files.has_value());
  BuiltinIgnore builtin(*files);
  builtin.AddRules("src/**/vendor\n");
  git->git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(
      git->git_repository_open_ext(&repo, dir_.path().c_str(), 0, nullptr), 0);
  git->git_ignore_add_rule(repo, "src/**/vendor\n");
  auto paths = Paths();
  paths.push_back({"src/x/vendor", true});
  int ignored_count = 0;
  for (const auto& [path, is_dir] : paths) {
    int ignored = 0;
    std::string query = is_dir ? path + "/" : path;
    ASSERT_EQ(git->git_ignore_path_is_ignored(&ignored, repo, query.c_str()),
              0);
    EXPECT_EQ(builtin.IsIgnored(path, is_dir), ignored != 0)
        << path << (is_dir ? "/" : "") << ": libgit2 says " << ignored;
    ignored_count += ignored != 0;
  }
  // The tree must exercise both answers, or the comparison proves little.
  EXPECT_GT(ignored_count, 10);
  EXPECT_LT(ignored_count, static_cast<int>(paths.size()) - 5);
  git->git_repository_free(repo);
  git->git_libgit2_shutdown();
}

TEST_F(BuiltinIgnoreTest, WalkTakesTheSameFilesWithoutLibgit2) {
  for (const auto& [path, is_dir] : Paths()) {
    if (!is_dir && path != "mid/dir")
      dir_.Write(path, testing_cli::kLegacyKonbini);
  }
  dir_.Write("web/.ignore", "vendor/\n");
  dir_.Write("web/vendor/v.js", testing_cli::kLegacyKonbini);
  dir_.Write("web/app.js", testing_cli::kLegacyKonbini);
  auto with = Shell(dir_.path(), "{bin} --check .");
  auto without = Shell(dir_.path(), "PSM_LIBGIT2=off {bin} --check .");
  EXPECT_EQ(with.status, 1);
  EXPECT_EQ(without.status, with.status);
  EXPECT_EQ(without.out, with.out);
  EXPECT_EQ(with.out.find("web/vendor"), std::string::npos) << with.out;
  EXPECT_NE(with.out.find("plain.js"), std::string::npos) << with.out;
}

TEST_F(BuiltinIgnoreTest, WorktreeFindsTheCommonInfoExclude) {
  ASSERT_EQ(Shell(dir_.path(),
                  "git -c user.email=t@e -c user.name=t commit -q "
                  "--allow-empty -m x && git worktree add -q wt 2>/dev/null")
                .status,
            0);
  std::optional<GitRepoFiles> files =
      FindGitRepoFiles((dir_.path() / "wt").string());
  ASSERT_TRUE(files.has_value());
  EXPECT_TRUE(files->workdir.ends_with("/wt/")) << files->workdir;
  EXPECT_TRUE(std::filesystem::exists(files->info_exclude))
      << files->info_exclude;
  EXPECT_TRUE(files->excludes_file.ends_with("global-excludes"));
}

}  // namespace
}  // namespace psm
