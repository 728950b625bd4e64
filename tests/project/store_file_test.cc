#include "project/store_file.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>

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

}  // namespace
}  // namespace psm
