#ifndef PSM_PROJECT_DISTINCT_WORDS_H_
#define PSM_PROJECT_DISTINCT_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/strings.h"

namespace psm {

// The hash the project's word indexes give a word (FNV-1a, folded): the
// in-memory TextIndex and the word store kept between runs (WordStore,
// which keeps its low 32 bits; changing it changes the store's format).
inline uint64_t WordHash(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (char c : word)
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h ^ (h >> 29);
}

// The distinct words (ForEachWord) of one file, found without allocating:
// an open-addressing set of views into the file's text, emptied for the
// next file by bumping a generation. Words repeat a lot in code
// (`payload`, `amount`, `this`), and each distinct one costs an index one
// entry instead of one per occurrence.
class DistinctWords {
 public:
  // Calls f(word, hash) once for each distinct word of `text`.
  template <typename F>
  void Of(std::string_view text, F f) {
    ++generation_;
    size_t needed = text.size() / 4 + 16;  // at most one word per 2 bytes
    if (slots_.size() < needed * 2) {
      size_t size = 64;
      while (size < needed * 2) size *= 2;
      slots_.assign(size, Slot{});
      generation_ = 1;
    }
    size_t mask = slots_.size() - 1;
    ForEachWord(text, [&](std::string_view word) {
      uint64_t hash = WordHash(word);
      for (size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.generation != generation_) {
          slot = {generation_, hash, word};
          f(word, hash);
          return;
        }
        if (slot.hash == hash && slot.word == word) return;
      }
    });
  }

 private:
  struct Slot {
    uint32_t generation = 0;
    uint64_t hash = 0;
    std::string_view word;
  };
  std::vector<Slot> slots_;
  uint32_t generation_ = 0;
};

}  // namespace psm

#endif  // PSM_PROJECT_DISTINCT_WORDS_H_
