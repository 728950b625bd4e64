#include "project/sorted_hashes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace psm {
namespace {

// HoldsHash must answer as a binary search does, for every key, whether
// the hashes are spread evenly (as WordHash spreads words) or crowd one
// place (as words chosen for it could make them).
void ExpectSameAsBinarySearch(std::vector<uint32_t> hashes, std::mt19937& rng) {
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  std::vector<uint32_t> keys = hashes;
  for (uint32_t h : hashes) {
    keys.push_back(h + 1);
    keys.push_back(h - 1);
  }
  for (int i = 0; i < 200; ++i) keys.push_back(static_cast<uint32_t>(rng()));
  keys.push_back(0);
  keys.push_back(UINT32_MAX);
  for (uint32_t key : keys) {
    // The high 32 bits of a WordHash are not looked at.
    uint64_t hash = (uint64_t{rng()} << 32) | key;
    ASSERT_EQ(HoldsHash(hashes, hash),
              std::binary_search(hashes.begin(), hashes.end(), key))
        << "key " << key << " among " << hashes.size();
  }
}

TEST(SortedHashesTest, AnswersAsABinarySearchForSpreadAndCrowdedHashes) {
  std::mt19937 rng(20261207);
  for (size_t n : {0u, 1u, 2u, 3u, 7u, 200u, 5000u}) {
    std::vector<uint32_t> spread(n);
    for (uint32_t& h : spread) h = static_cast<uint32_t>(rng());
    ExpectSameAsBinarySearch(spread, rng);
    // All in a narrow band, at the bottom, the top or the middle.
    for (uint32_t base : {0u, 0x80000000u, UINT32_MAX - 100000u}) {
      std::vector<uint32_t> crowded(n);
      for (uint32_t& h : crowded) h = base + static_cast<uint32_t>(rng() % 100000);
      ExpectSameAsBinarySearch(crowded, rng);
    }
  }
}

}  // namespace
}  // namespace psm
