#include "io/dir_entries.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <string>

#include "e2e/cli_harness.h"
#include "io/walk.h"

namespace psm {
namespace {

using testing_cli::ScratchDir;

// Every name, as its exact bytes (one that is not UTF-8 too), with its type;
// the walk takes such a name like any other in the native build.
TEST(DirEntriesTest, ListsEveryNameWithItsType) {
  ScratchDir dir;
  dir.Write("a.js", "x\n");
  dir.Write("bad\xffname.js", "x\n");
  dir.Write("sub/b.js", "x\n");
  ASSERT_EQ(::symlink("a.js", (dir.path() / "link.js").c_str()), 0);
  std::map<std::string, EntryType> seen;
  ASSERT_TRUE(ListDirectory(dir.path().string(),
                            [&](std::string_view name, EntryType type) {
                              seen[std::string(name)] = type;
                            }));
  ASSERT_EQ(seen.size(), 4u);  // no "." or ".."
  auto is = [&](const char* name, EntryType type) {
    EntryType got = seen.at(name);
    return got == type || got == EntryType::kUnknown;  // no d_type here
  };
  EXPECT_TRUE(is("a.js", EntryType::kRegular));
  EXPECT_TRUE(is("bad\xffname.js", EntryType::kRegular));
  EXPECT_TRUE(is("sub", EntryType::kDirectory));
  EXPECT_TRUE(is("link.js", EntryType::kOther));
  WalkResult walk = CollectFiles({dir.path().string()});
  EXPECT_EQ(walk.files.size(), 3u);  // not the link
  EXPECT_TRUE(walk.problems.empty());
}

TEST(DirEntriesTest, AMissingDirectoryIsAnErrorWithErrno) {
  ScratchDir dir;
  errno = 0;
  EXPECT_FALSE(ListDirectory((dir.path() / "missing").string(),
                             [](std::string_view, EntryType) {}));
  EXPECT_EQ(errno, ENOENT);
}

}  // namespace
}  // namespace psm
