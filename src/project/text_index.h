#ifndef PSM_PROJECT_TEXT_INDEX_H_
#define PSM_PROJECT_TEXT_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace psm {

// Which files of the project may contain a string, from one read of each
// file per run. The project model asks this for every builder it links
// (other files naming it), every global and every wrapper; reading every
// file of the project for each question made a monorepo of 1,200 linked
// sites take 1.4 million reads.
//
// Indexes the words (runs of identifier characters) of each file. A file
// holds `needle` only if, for each word run of the needle, one of its
// words contains that run: so the answer is every file that holds the
// needle (exactly those when the needle is one word), and the caller
// checks the text of the few it gets.
class TextIndex {
 public:
  // Reads each of `files` once (unreadable ones are never candidates).
  explicit TextIndex(const std::vector<std::string>& files);

  // Indices in `files` of the files that may contain `needle`, ascending.
  std::vector<uint32_t> MayContain(std::string_view needle) const;

 private:
  std::vector<uint32_t> WithRun(std::string_view run) const;

  std::vector<uint32_t> readable_;
  // Every distinct word once, each followed by '\n' (one memmem pass per
  // run finds the words holding it), and the files of each.
  std::string words_;
  std::vector<uint32_t> word_starts_;
  std::vector<std::vector<uint32_t>> files_of_word_;
};

}  // namespace psm

#endif  // PSM_PROJECT_TEXT_INDEX_H_
