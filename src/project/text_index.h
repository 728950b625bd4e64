#ifndef PSM_PROJECT_TEXT_INDEX_H_
#define PSM_PROJECT_TEXT_INDEX_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace psm {

// Which files of the project may contain a string, from one read of each
// file per run. The project model asks this for every builder it links
// (other files naming it), every global and every wrapper; reading every
// file of the project for each question made a monorepo of 1,200 linked
// sites take 1.4 million reads.
//
// Indexes the words (maximal runs of identifier characters) of each file.
// The questions are names: identifiers (`buildPayPal`), module stems
// (`paypal-request`), and a name is used in code as whole words — a
// reference, a property, a string or a path segment that spells it. So a
// file may hold `needle` when it has each word of the needle as one of its
// words, one at the needle's very start possibly ending a longer word and
// one at its very end starting one (`xpaypal-requests` holds
// `paypal-request`); a needle that is one name must be a whole word. The caller
// checks the text of the few files it gets. One hash lookup per word of the
// needle, whatever the size of the project.
class TextIndex {
 public:
  // Reads each of `files` once (unreadable ones are never candidates).
  explicit TextIndex(const std::vector<std::string>& files);

  // Indices in `files` of the files that may contain `needle`, ascending.
  std::vector<uint32_t> MayContain(std::string_view needle) const;

 private:
  // The files with a word `word` (exactly, or ending / starting with it).
  std::vector<uint32_t> WithWord(std::string_view word, bool as_suffix,
                                 bool as_prefix) const;

  std::vector<uint32_t> readable_;
  // The files of each distinct word.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view word) const {
      return std::hash<std::string_view>{}(word);
    }
  };
  std::unordered_map<std::string, std::vector<uint32_t>, WordHash,
                     std::equal_to<>>
      files_of_word_;
};

}  // namespace psm

#endif  // PSM_PROJECT_TEXT_INDEX_H_
