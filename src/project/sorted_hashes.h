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
// list is about key / 2^32 of the way along, give or take half the square
// root of its length (16 places for a thousand words). The 64 places
// around that guess are searched without a branch to mispredict (each
// halving a conditional move), then checked: a key outside them, as words
// chosen to crowd one place can put it, is looked for by a binary search
// of the rest. A pre-commit run's scan asks 2,000 files for each name; a
// walk of the step from the guess cost a mispredicted branch per lookup
// there (issue 14).
inline bool HoldsHash(std::span<const uint32_t> sorted, uint64_t hash) {
  auto key = static_cast<uint32_t>(hash);
  size_t n = sorted.size();
  if (n == 0) return false;
  constexpr size_t kWindow = 64;
  auto guess = static_cast<size_t>((uint64_t{key} * n) >> 32);
  size_t lo = guess > kWindow / 2 ? guess - kWindow / 2 : 0;
  size_t hi = std::min(n, lo + kWindow);
  if (sorted[lo] > key)
    return std::binary_search(sorted.begin(), sorted.begin() + lo, key);
  if (sorted[hi - 1] < key)
    return std::binary_search(sorted.begin() + hi, sorted.end(), key);
  // sorted[lo] <= key <= sorted[hi - 1]: the last place holding at most
  // the key holds it, if any does.
  const uint32_t* at = sorted.data() + lo;
  for (size_t len = hi - lo; len > 1;) {
    size_t half = len / 2;
    at = at[half] <= key ? at + half : at;
    len -= half;
  }
  return *at == key;
}

}  // namespace psm

#endif  // PSM_PROJECT_SORTED_HASHES_H_
