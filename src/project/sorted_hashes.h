#ifndef PSM_PROJECT_SORTED_HASHES_H_
#define PSM_PROJECT_SORTED_HASHES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

namespace psm {

// Whether `sorted` (ascending 32-bit word hashes, project/distinct_words.h)
// holds the low 32 bits of `hash`.
// The hashes are spread evenly over 32 bits, so a key's place in a sorted
// list is about key / 2^32 of the way along. Looked for from there, a
// lookup reads one or two cache lines instead of the eight of a binary
// search over a file's two hundred words (a pre-commit run's scan asks
// 2,000 files for each name). A few steps at most, then the binary search
// of what is left: words chosen to crowd one place cost no more than that.
inline bool HoldsHash(std::span<const uint32_t> sorted, uint64_t hash) {
  auto key = static_cast<uint32_t>(hash);
  size_t n = sorted.size();
  if (n == 0) return false;
  auto at = static_cast<size_t>((uint64_t{key} * n) >> 32);
  constexpr int kSteps = 8;
  if (sorted[at] < key) {
    for (int step = 0; step < kSteps; ++step) {
      if (++at == n || sorted[at] >= key) return at < n && sorted[at] == key;
    }
    return std::binary_search(sorted.begin() + at, sorted.end(), key);
  }
  for (int step = 0; step < kSteps; ++step) {
    if (at == 0 || sorted[at - 1] < key) return sorted[at] == key;
    --at;
  }
  return std::binary_search(sorted.begin(), sorted.begin() + at + 1, key);
}


}  // namespace psm

#endif  // PSM_PROJECT_SORTED_HASHES_H_
