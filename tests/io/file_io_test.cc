#include "io/file_io.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

#include "e2e/cli_harness.h"

namespace psm {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One buffer serves files of every size in turn; each read sees its own
// file whole, never the tail of a bigger one read before.
TEST(ReadSourceFileTest, AReusedBufferReadsEachFileWhole) {
  testing_cli::ScratchDir dir;
  dir.Write("big.js", std::string(100000, 'b') + "\n");
  dir.Write("small.js", "let s = 1;\n");
  dir.Write("empty.js", "");
  ReadBuffer buffer;
  for (const char* name :
       {"big.js", "small.js", "empty.js", "big.js", "small.js"}) {
    std::string path = (dir.path() / name).string();
    SourceView file = ReadSourceFile(path, kDefaultMaxFileBytes, buffer);
    ASSERT_TRUE(file.error.empty()) << name << ": " << file.error;
    EXPECT_EQ(std::string(file.text), Slurp(path)) << name;
  }
}

// /proc files say they are empty and are not: the reader must keep growing
// its buffer, keeping what it has read, until read() says the end.
TEST(ReadSourceFileTest, AFileLongerThanItsStatSizeIsReadWhole) {
  ReadBuffer buffer;
  SourceView file =
      ReadSourceFile("/proc/version", kDefaultMaxFileBytes, buffer);
  ASSERT_TRUE(file.error.empty()) << file.error;
  EXPECT_GT(file.text.size(), 20u);
  EXPECT_EQ(std::string(file.text), Slurp("/proc/version"));
}

TEST(ReadSourceFileTest, BinaryAndOversizedFilesAreSkippedWithAReason) {
  testing_cli::ScratchDir dir;
  dir.Write("bin.js", std::string("ab\0cd", 5));
  dir.Write("big.js", std::string(2000, 'x'));
  ReadBuffer buffer;
  SourceView binary =
      ReadSourceFile((dir.path() / "bin.js").string(), 1000, buffer);
  EXPECT_TRUE(binary.skipped);
  EXPECT_NE(binary.error.find("binary"), std::string::npos);
  SourceView big =
      ReadSourceFile((dir.path() / "big.js").string(), 1000, buffer);
  EXPECT_TRUE(big.skipped);
  EXPECT_NE(big.error.find("larger than 1000"), std::string::npos);
}

// The temporary file is ".<name>.psm-XXXXXX": for the longest name a file
// system allows, that must still fit.
TEST(WriteFileAtomicallyTest, WritesAFileWithA255ByteName) {
  testing_cli::ScratchDir dir;
  std::string name = std::string(252, 'n') + ".js";
  dir.Write(name, "old\n");
  std::string path = (dir.path() / name).string();
  EXPECT_EQ(WriteFileAtomically(path, "new\n"), "");
  EXPECT_EQ(Slurp(path), "new\n");
}

// A file renamed over one of several names would leave the others old.
TEST(WriteFileAtomicallyTest, RefusesAFileWithOtherHardLinks) {
  testing_cli::ScratchDir dir;
  dir.Write("a.js", "old\n");
  std::string path = (dir.path() / "a.js").string();
  ASSERT_EQ(::link(path.c_str(), (dir.path() / "b.js").c_str()), 0);
  EXPECT_NE(WriteFileAtomically(path, "new\n").find("has 2 hard links"),
            std::string::npos);
  EXPECT_EQ(Slurp(path), "old\n");
  EXPECT_EQ(dir.Read("b.js"), "old\n");
}

// The new file keeps the original's owner, group and mode (setuid
// included: set after the owner, which clears it).
TEST(WriteFileAtomicallyTest, KeepsTheOwnerGroupAndMode) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give a file away";
  testing_cli::ScratchDir dir;
  dir.Write("a.js", "old\n");
  std::string path = (dir.path() / "a.js").string();
  ASSERT_EQ(::chown(path.c_str(), 1234, 4321), 0);
  ASSERT_EQ(::chmod(path.c_str(), 04754), 0);
  EXPECT_EQ(WriteFileAtomically(path, "new\n"), "");
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 1234u);
  EXPECT_EQ(st.st_gid, 4321u);
  EXPECT_EQ(st.st_mode & 07777, 04754u);
  EXPECT_EQ(Slurp(path), "new\n");
}

// Another program's edit made while the new text was being written and
// flushed is not lost: the file is compared again just before the rename.
TEST(WriteFileAtomicallyTest, RefusesAFileNoLongerHoldingWhatWasRead) {
  testing_cli::ScratchDir dir;
  dir.Write("a.js", "old\nand an edit\n");
  std::string path = (dir.path() / "a.js").string();
  std::string_view read = "old\n";
  EXPECT_EQ(WriteFileAtomically(path, "new\n", &read),
            "changed since it was read; not written");
  EXPECT_EQ(Slurp(path), "old\nand an edit\n");
  std::string_view now = "old\nand an edit\n";
  EXPECT_EQ(WriteFileAtomically(path, "new\n", &now), "");
  EXPECT_EQ(Slurp(path), "new\n");
}

}  // namespace
}  // namespace psm
