#include "project/text_index.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "common/strings.h"
#include "io/file_io.h"
#include "project/distinct_words.h"

namespace psm {

TextIndex::TextIndex(const std::vector<std::string>& files) {
  ReadBuffer buffer;
  DistinctWords distinct;
  for (uint32_t id = 0; id < files.size(); ++id) {
    SourceView file = ReadSourceFile(files[id], kDefaultMaxFileBytes, buffer);
    if (!file.error.empty()) continue;
    readable_.push_back(id);
    distinct.Of(file.text, [&](std::string_view word, uint64_t) {
      auto known = files_of_word_.find(word);
      if (known == files_of_word_.end())
        known =
            files_of_word_.emplace(std::string(word), std::vector<uint32_t>{})
                .first;
      known->second.push_back(id);
    });
  }
}

std::vector<uint32_t> TextIndex::WithWord(std::string_view word, bool as_suffix,
                                          bool as_prefix) const {
  std::vector<uint32_t> ids;
  if (!as_suffix && !as_prefix) {
    auto it = files_of_word_.find(word);
    if (it != files_of_word_.end()) ids = it->second;
    return ids;
  }
  // The first or last word of a longer needle: rare, so a pass over the
  // distinct words is fine.
  for (const auto& [known, files] : files_of_word_) {
    bool match = known == word || (as_suffix && known.ends_with(word)) ||
                 (as_prefix && known.starts_with(word));
    if (match) ids.insert(ids.end(), files.begin(), files.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<uint32_t> TextIndex::MayContain(std::string_view needle) const {
  std::vector<std::string_view> words;
  ForEachWord(needle, [&](std::string_view word) { words.push_back(word); });
  // A needle that is one name is found as a whole word; otherwise a word
  // at the needle's very start may end a longer word of the file, and one
  // at its very end may start one.
  bool name = words.size() == 1 && words[0].size() == needle.size();
  std::vector<uint32_t> ids = readable_;
  for (std::string_view word : words) {
    if (ids.empty()) break;
    bool at_start = word.data() == needle.data();
    bool at_end = word.data() + word.size() == needle.data() + needle.size();
    std::vector<uint32_t> with =
        WithWord(word, !name && at_start, !name && at_end);
    std::vector<uint32_t> both;
    std::set_intersection(ids.begin(), ids.end(), with.begin(), with.end(),
                          std::back_inserter(both));
    ids.swap(both);
  }
  return ids;
}

}  // namespace psm
