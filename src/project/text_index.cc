#include "project/text_index.h"

#include <string.h>  // memmem

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "io/file_io.h"

namespace psm {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Calls `f` with each maximal run of word characters of `text`.
template <typename F>
void ForEachWord(std::string_view text, F f) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordChar(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && IsWordChar(text[i])) ++i;
    if (i > start) f(text.substr(start, i - start));
  }
}

}  // namespace

TextIndex::TextIndex(const std::vector<std::string>& files) {
  ReadBuffer buffer;
  std::unordered_map<std::string, uint32_t> word_ids;
  std::string key;
  for (uint32_t id = 0; id < files.size(); ++id) {
    SourceView file = ReadSourceFile(files[id], kDefaultMaxFileBytes, buffer);
    if (!file.error.empty()) continue;
    readable_.push_back(id);
    ForEachWord(file.text, [&](std::string_view word) {
      key.assign(word);
      auto [it, added] = word_ids.emplace(key, files_of_word_.size());
      if (added) {
        word_starts_.push_back(static_cast<uint32_t>(words_.size()));
        words_.append(word).push_back('\n');
        files_of_word_.emplace_back();
      }
      std::vector<uint32_t>& ids = files_of_word_[it->second];
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    });
  }
}

std::vector<uint32_t> TextIndex::WithRun(std::string_view run) const {
  std::vector<uint32_t> ids;
  const char* begin = words_.data();
  const char* end = begin + words_.size();
  for (const char* hit = begin;
       (hit = static_cast<const char*>(
            memmem(hit, end - hit, run.data(), run.size()))) != nullptr;) {
    size_t at = hit - begin;
    // The word holding this hit; the search goes on after it.
    size_t w = std::upper_bound(word_starts_.begin(), word_starts_.end(), at) -
               word_starts_.begin() - 1;
    const std::vector<uint32_t>& files = files_of_word_[w];
    ids.insert(ids.end(), files.begin(), files.end());
    hit = begin + words_.find('\n', at);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<uint32_t> TextIndex::MayContain(std::string_view needle) const {
  std::vector<uint32_t> ids = readable_;
  ForEachWord(needle, [&](std::string_view run) {
    if (ids.empty()) return;
    std::vector<uint32_t> with = WithRun(run);
    std::vector<uint32_t> both;
    std::set_intersection(ids.begin(), ids.end(), with.begin(), with.end(),
                          std::back_inserter(both));
    ids.swap(both);
  });
  return ids;
}

}  // namespace psm
