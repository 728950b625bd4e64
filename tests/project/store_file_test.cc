#include "project/store_file.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>

#include "e2e/cli_harness.h"
#include "project/known_words_testing.h"

namespace psm {
namespace {

uint64_t Sum(const std::string& s) { return StoreChecksum(s.data(), s.size()); }

TEST(StoreChecksumTest, EveryFlippedBitSwappedBlockAndCutShowsInIt) {
  std::mt19937_64 rng(7);
  std::string bytes(1000, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  const uint64_t sum = Sum(bytes);
  EXPECT_EQ(Sum(bytes), sum);  // the same bytes, the same sum
  for (size_t at = 0; at < bytes.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string flipped = bytes;
      flipped[at] = static_cast<char>(flipped[at] ^ (1 << bit));
      ASSERT_NE(Sum(flipped), sum) << "byte " << at << " bit " << bit;
    }
  }
  std::string swapped = bytes;
  std::swap_ranges(swapped.begin(), swapped.begin() + 64, swapped.begin() + 128);
  EXPECT_NE(Sum(swapped), sum);
  for (size_t size : {0u, 1u, 63u, 64u, 999u})
    EXPECT_NE(Sum(bytes.substr(0, size)), sum) << size;
  // Zeroed in part, as a file system may leave a file after a crash.
  std::string zeroed = bytes;
  std::fill(zeroed.begin() + 128, zeroed.begin() + 512, '\0');
  EXPECT_NE(Sum(zeroed), sum);
  EXPECT_NE(Sum(std::string(1000, '\0')), Sum(std::string(1001, '\0')));
}

int64_t SecondsAgoNs(int seconds) {
  using std::chrono::system_clock;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             (system_clock::now() - std::chrono::seconds(seconds))
                 .time_since_epoch())
      .count();
}

FileStamp OldStamp() {
  FileStamp stamp;
  stamp.size = 1757740;
  stamp.inode = 4242;
  stamp.mtime_ns = SecondsAgoNs(60);
  stamp.ctime_ns = SecondsAgoNs(59);
  return stamp;
}

TEST(CheckedNoteTest, VouchesForTheStampItWasWrittenForOnly) {
  testing_cli::ScratchDir scratch;
  std::string store = (scratch.path() / "words-1").string();
  const FileStamp stamp = OldStamp();
  EXPECT_FALSE(CheckedAlready(store, stamp));  // no note yet
  NoteChecked(store, stamp);
  EXPECT_TRUE(CheckedAlready(store, stamp));
  // Any field changed: another file, or this one written since.
  for (int field = 0; field < 4; ++field) {
    FileStamp other = stamp;
    if (field == 0) other.size += 1;
    if (field == 1) other.inode += 1;
    if (field == 2) other.mtime_ns += 1;
    if (field == 3) other.ctime_ns += 1;
    EXPECT_FALSE(CheckedAlready(store, other)) << "field " << field;
  }
  EXPECT_FALSE(CheckedAlready((scratch.path() / "words-2").string(), stamp));
  // A damaged note vouches for nothing.
  std::string note = store + ".checked";
  std::string bytes = testing_cli::ReadFile(note);
  ASSERT_FALSE(bytes.empty());
  for (size_t at : {size_t{0}, size_t{20}, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 1);
    std::ofstream(note, std::ios::binary | std::ios::trunc) << damaged;
    EXPECT_FALSE(CheckedAlready(store, stamp)) << "byte " << at;
  }
  std::ofstream(note, std::ios::binary | std::ios::trunc)
      << bytes.substr(0, bytes.size() - 1);
  EXPECT_FALSE(CheckedAlready(store, stamp));
}

TEST(CheckedNoteTest, NotesNoStampFromTheLastTwoSeconds) {
  // A file written this recently may be written again within the same tick
  // of its file system's clock and keep its stamp.
  testing_cli::ScratchDir scratch;
  std::string store = (scratch.path() / "words-1").string();
  FileStamp recent = OldStamp();
  recent.mtime_ns = SecondsAgoNs(0);
  NoteChecked(store, recent);
  EXPECT_FALSE(std::filesystem::exists(store + ".checked"));
  EXPECT_FALSE(CheckedAlready(store, recent));
  testing_project::KeepRecentWords keep;  // as the other tests need it
  NoteChecked(store, recent);
  EXPECT_TRUE(CheckedAlready(store, recent));
}

}  // namespace
}  // namespace psm
