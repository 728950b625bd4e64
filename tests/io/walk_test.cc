#include "io/walk.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"

namespace psm {
namespace {

using testing_cli::ScratchDir;

std::vector<std::string> Streamed(
    const std::vector<std::string>& paths,
    std::vector<std::string>* problems = nullptr) {
  std::vector<std::string> files;
  WalkFiles(paths, nullptr, [&](WalkEntry entry) {
    if (entry.problem.empty()) {
      files.push_back(entry.path);
    } else if (problems) {
      problems->push_back(entry.path + ": " + entry.problem);
    }
    return true;
  });
  return files;
}

// The streamed walk must hand out files in the order of their sorted full
// paths, as the collected walk does; names where a directory and a file
// share a prefix ("a/" against "a-b", "a.js") are where a naive per-directory
// sort goes wrong.
TEST(WalkFilesTest, StreamsInSortedPathOrder) {
  ScratchDir dir;
  for (const char* file :
       {"a.js", "a/x.js", "a-b/y.js", "a.b/z.ts", "a/b/c.mjs", "B.js",
        "a/node_modules/skip.js", "a/readme.md", "Z/deep/er/one.tsx", "a0.js",
        "a /space.js"}) {
    dir.Write(file, "x\n");
  }
  std::string root = dir.path().string();
  std::vector<std::string> streamed = Streamed({root});
  WalkResult collected = CollectFiles({root});
  EXPECT_EQ(streamed, collected.files);
  std::vector<std::string> sorted = streamed;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(streamed, sorted);
  EXPECT_EQ(streamed.size(), 9u);  // no node_modules, no readme.md
}

TEST(WalkFilesTest, StopsWhenAsked) {
  ScratchDir dir;
  for (int i = 0; i < 10; ++i) dir.Write(std::to_string(i) + ".js", "x\n");
  int seen = 0;
  WalkFiles({dir.path().string()}, nullptr,
            [&](WalkEntry) { return ++seen < 3; });
  EXPECT_EQ(seen, 3);
}

TEST(WalkFilesTest, ReportsAnUnreadableDirectoryInItsPlace) {
  ScratchDir dir;
  dir.Write("a.js", "x\n");
  dir.Write("b/c.js", "x\n");
  dir.Write("d.js", "x\n");
  std::string b = (dir.path() / "b").string();
  ::chmod(b.c_str(), 0);
  std::vector<std::string> problems;
  std::vector<std::string> files = Streamed({dir.path().string()}, &problems);
  ::chmod(b.c_str(), 0755);
  if (::geteuid() == 0) {
    EXPECT_EQ(files.size(), 3u);  // root may read it anyway
    return;
  }
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("cannot open directory"), std::string::npos);
  EXPECT_EQ(files.size(), 2u);
}

TEST(WalkFilesTest, SeveralPathsAreSortedAndDeduplicated) {
  ScratchDir dir;
  dir.Write("src/a.js", "x\n");
  dir.Write("lib/b.js", "x\n");
  std::string src = (dir.path() / "src").string();
  std::string lib = (dir.path() / "lib").string();
  std::vector<std::string> problems;
  std::vector<std::string> files = Streamed(
      {src, lib, src + "/a.js", (dir.path() / "missing").string()}, &problems);
  EXPECT_EQ(files, (std::vector<std::string>{lib + "/b.js", src + "/a.js"}));
  EXPECT_EQ(problems.size(), 1u);
}

// README guarantee 4: what a walk meets that is not a regular file it
// passes over, as ripgrep does; what the user names is refused out loud.
TEST(WalkFilesTest, FifosAreSilentInAWalkAndFatalWhenNamed) {
  ScratchDir dir;
  dir.Write("src/a.js", "x\n");
  std::string fifo = (dir.path() / "src/pipe.js").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  std::string src = (dir.path() / "src").string();
  std::vector<std::string> problems;
  EXPECT_EQ(Streamed({src}, &problems),
            std::vector<std::string>{src + "/a.js"});
  EXPECT_TRUE(problems.empty());
  WalkResult named = CollectFiles({fifo, "/dev/null", src + "/a.js"});
  EXPECT_EQ(named.files, std::vector<std::string>{src + "/a.js"});
  ASSERT_EQ(named.problems.size(), 2u);
  for (const WalkProblem& problem : named.problems) {
    EXPECT_EQ(problem.message, "not a regular file; skipped");
    EXPECT_TRUE(problem.fatal);
  }
}

// Directories are listed by several threads; the order handed out must not
// depend on which finishes first.
TEST(WalkFilesTest, AParallelWalkGivesTheSameOrderAsASerialOne) {
  ScratchDir dir;
  for (int d = 0; d < 40; ++d) {
    std::string top = "d" + std::to_string(d % 7) + "/e" + std::to_string(d);
    for (int f = 0; f < 5; ++f)
      dir.Write(top + "/f" + std::to_string(f) + ".js", "x\n");
    dir.Write(top + "/deeper/g.ts", "x\n");
  }
  std::string root = dir.path().string();
  std::vector<std::string> serial;
  WalkFiles(
      {root}, nullptr,
      [&](WalkEntry e) {
        serial.push_back(e.path);
        return true;
      },
      1);
  ASSERT_EQ(serial.size(), 240u);
  EXPECT_TRUE(std::is_sorted(serial.begin(), serial.end()));
  for (unsigned jobs : {2u, 4u, 8u}) {
    for (int round = 0; round < 5; ++round) {
      std::vector<std::string> parallel;
      WalkFiles(
          {root}, nullptr,
          [&](WalkEntry e) {
            parallel.push_back(e.path);
            return true;
          },
          jobs);
      EXPECT_EQ(parallel, serial) << jobs << " jobs";
    }
  }
  // Stopping early with helpers still listing must be clean.
  int seen = 0;
  WalkFiles(
      {root}, nullptr, [&](WalkEntry) { return ++seen < 7; }, 4);
  EXPECT_EQ(seen, 7);
}

}  // namespace
}  // namespace psm
