#include "project/known_words.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"
#include "project/known_words_testing.h"
#include "io/file_io.h"

namespace psm {
namespace {

namespace fs = std::filesystem;
using testing_cli::ScratchDir;
using testing_cli::Shell;
using testing_project::KeepRecentWords;
using testing_project::ReadUnknown;

std::string ReadWholeBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A git work tree with a few scripts, and a run's view of them.
class KnownWordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::canonical(scratch_.path()).string();
    ASSERT_EQ(Shell(root_, "git init -q .").status, 0);
    scratch_.Write("a.js", "var drPayload = {amount: 5};\n");
    scratch_.Write("b.js", "dr.createSource(drPayload);\n");
    scratch_.Write("lib/c.js", "function other() { return 1; }\n");
    for (const char* f : {"a.js", "b.js", "lib/c.js"})
      files_.push_back(root_ + "/" + f);
  }

  // One run: asks about every file, reads those it does not know, saves.
  // Returns how many it had to read.
  int Run(bool use_store = true) {
    KnownWords words(root_, files_, use_store);
    int read = ReadUnknown(words, files_);
    words.Save();
    return read;
  }

  std::string StoreFile() const { return WordStore::LocationFor(root_); }

  ScratchDir scratch_;
  std::string root_;
  std::vector<std::string> files_;
};

TEST_F(KnownWordsTest, KeepsWhatAScanLearnedOfAFileWhileItStaysTheSame) {
  KeepRecentWords keep;
  EXPECT_EQ(Run(), 3);
  const uint64_t payload = WordHash("drPayload"), other = WordHash("other");
  {
    KnownWords words(root_, files_, true);
    ASSERT_TRUE(words.Known(0) && words.Known(2));
    EXPECT_EQ(words.DeclaresByFirstMention(0, payload), std::nullopt);
    words.LearnDeclaration(0, payload, true);
    words.LearnDeclaration(2, other, false);
    words.LearnDeclaration(2, other, true);  // the first answer stands
    EXPECT_EQ(words.DeclaresByFirstMention(0, payload), true);
    words.Save();
  }
  {
    KnownWords words(root_, files_, true);
    ASSERT_TRUE(words.Known(0) && words.Known(1) && words.Known(2));
    EXPECT_EQ(words.DeclaresByFirstMention(0, payload), true);
    EXPECT_EQ(words.DeclaresByFirstMention(2, other), false);
    // Kept by the whole hash: another name is not answered.
    EXPECT_EQ(words.DeclaresByFirstMention(0, payload ^ 2), std::nullopt);
    EXPECT_EQ(words.DeclaresByFirstMention(1, payload), std::nullopt);
    // Learned on top of kept answers, both stay.
    words.LearnDeclaration(0, other, false);
    words.Save();
  }
  scratch_.Write("lib/c.js", "function other() { return 22; }\n");
  KnownWords words(root_, files_, true);
  ASSERT_TRUE(words.Known(0));
  EXPECT_EQ(words.DeclaresByFirstMention(0, payload), true);
  EXPECT_EQ(words.DeclaresByFirstMention(0, other), false);
  // Changed since: read again, and nothing learned of the old text holds.
  ASSERT_FALSE(words.Known(2));
  EXPECT_EQ(ReadUnknown(words, files_), 1);
  EXPECT_EQ(words.DeclaresByFirstMention(2, other), std::nullopt);
}

TEST_F(KnownWordsTest, AnswersFromTheStoreWithoutReadingAgain) {
  KeepRecentWords keep;
  EXPECT_EQ(Run(), 3);
  ASSERT_TRUE(fs::exists(StoreFile())) << StoreFile();
  EXPECT_NE(StoreFile().find("/.git/payment-session-migrate/"),
            std::string::npos);
  EXPECT_EQ(Run(), 0);

  KnownWords words(root_, files_, true);
  for (uint32_t id = 0; id < files_.size(); ++id) ASSERT_TRUE(words.Known(id));
  EXPECT_TRUE(words.MayName(0, WordHash("drPayload")));
  EXPECT_TRUE(words.MayDeclare(0, WordHash("drPayload")));
  EXPECT_FALSE(words.MayDefineCreateSource(0));
  EXPECT_TRUE(words.MayName(1, WordHash("drPayload")));
  EXPECT_FALSE(words.MayDeclare(1, WordHash("drPayload")));
  EXPECT_FALSE(words.MayName(2, WordHash("drPayload")));
  EXPECT_TRUE(words.MayDeclare(2, WordHash("other")));
  // Words, not parts of them.
  EXPECT_FALSE(words.MayName(0, WordHash("Payload")));
  EXPECT_FALSE(words.MayName(1, WordHash("dr.createSource")));
}

TEST_F(KnownWordsTest, ReadsAgainAFileChangedSinceEvenWithItsOldTimeAndSize) {
  KeepRecentWords keep;
  EXPECT_EQ(Run(), 3);
  struct stat before;
  ASSERT_EQ(::stat(files_[2].c_str(), &before), 0);
  // The same size and modification time: only the change time tells.
  scratch_.Write("lib/c.js", "function drPay() { return 1; }\n");
  struct timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, files_[2].c_str(), times, 0), 0);
  KnownWords words(root_, files_, true);
  EXPECT_TRUE(words.Known(0));
  EXPECT_FALSE(words.Known(2));
}

TEST_F(KnownWordsTest, FollowsFilesAddedAndRemoved) {
  KeepRecentWords keep;
  EXPECT_EQ(Run(), 3);
  scratch_.Write("0.js", "var first = 1;\n");
  files_.insert(files_.begin(), root_ + "/0.js");
  files_.erase(files_.begin() + 2);  // b.js
  EXPECT_EQ(Run(), 1);
  EXPECT_EQ(Run(), 0);
  KnownWords words(root_, files_, true);
  ASSERT_TRUE(words.Known(0));
  EXPECT_TRUE(words.MayName(0, WordHash("first")));
  ASSERT_TRUE(words.Known(2));
  EXPECT_TRUE(words.MayName(2, WordHash("other")));
}

TEST_F(KnownWordsTest, KeepsNoFileChangedTheLastTwoSeconds) {
  // A file changed again within its file system's timestamp granularity
  // could keep its stamp: files this recent are read at every run.
  EXPECT_EQ(Run(), 3);
  EXPECT_EQ(Run(), 3);
}

TEST_F(KnownWordsTest, TurnsAwayADamagedStore) {
  KeepRecentWords keep;
  EXPECT_EQ(Run(), 3);
  std::string store = StoreFile();
  std::string bytes = ReadWholeBytes(store);
  ASSERT_GT(bytes.size(), 100u);
  for (size_t at : {bytes.size() - 1, bytes.size() / 2, size_t{9}}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    WriteBytes(store, damaged);
    EXPECT_EQ(Run(), 3) << "byte " << at;
  }
  WriteBytes(store, bytes.substr(0, bytes.size() - 4));  // cut short
  EXPECT_EQ(Run(), 3);
  WriteBytes(store, "");
  EXPECT_EQ(Run(), 3);
  EXPECT_EQ(Run(), 0);  // written anew by the run before
}

TEST_F(KnownWordsTest, ChecksAStoreOnceAndAgainWhenItChanged) {
  KeepRecentWords keep;
  EXPECT_EQ(Run(), 3);
  std::string store = StoreFile();
  EXPECT_FALSE(fs::exists(store + ".checked"));  // written, not yet read
  EXPECT_EQ(Run(), 0);
  ASSERT_TRUE(fs::exists(store + ".checked"));  // read and found sound
  EXPECT_EQ(Run(), 0);                          // read on the note's word
  // A word damaged in place, its size kept, its time set to another: the
  // note is for another stamp, so the checksum is worked out again (which
  // the damaged word fails).
  std::string bytes = ReadWholeBytes(store);
  bytes[bytes.size() - 2] = static_cast<char>(bytes[bytes.size() - 2] ^ 0x20);
  WriteBytes(store, bytes);
  struct timespec times[2] = {{0, UTIME_OMIT}, {1'000'000'000, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, store.c_str(), times, 0), 0);
  EXPECT_EQ(Run(), 3);
}

TEST_F(KnownWordsTest, KeepsNothingOutsideAGitWorkTreeOrWhenTurnedOff) {
  KeepRecentWords keep;
  EXPECT_EQ(Run(/*use_store=*/false), 3);
  EXPECT_FALSE(fs::exists(StoreFile()));
  fs::remove_all(fs::path(root_) / ".git");
  EXPECT_EQ(WordStore::LocationFor(root_), "");
  EXPECT_EQ(Run(), 3);
  EXPECT_EQ(Run(), 3);
}

}  // namespace
}  // namespace psm
