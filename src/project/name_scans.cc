// The project model's scans for names (Linker::PrepareNames, FilesNaming):
// which files of the project name a global, a PHP function or a builder,
// from one read of the files the word store does not know (KnownWords).

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <thread>
#include <unordered_map>

#include "common/strings.h"
#include "find/own_create_source.h"
#include "io/file_io.h"
#include "project/first_mentions.h"
#include "project/module_linker.h"
#include "project/sorted_hashes.h"

namespace psm {

void Linker::PrepareNames(const std::set<std::string>& names) {
  if (index_ || names.empty()) return;
  // Each name by its position in `names`; a word is looked up only when a
  // name has its length (most words of a file are short keywords).
  std::vector<std::string_view> wanted(names.begin(), names.end());
  std::unordered_map<std::string_view, uint32_t> position;
  std::bitset<256> lengths;
  for (uint32_t n = 0; n < wanted.size(); ++n) {
    position.emplace(wanted[n], n);
    lengths.set(std::min<size_t>(wanted[n].size(), 255));
  }
  const std::vector<std::string>& files = ProjectFiles();
  // A file the word store knows is read only when it names one of the
  // names (each must then be a word of its own, as a whole-word search
  // finds it).
  KnownWords& words = Words();
  std::vector<uint64_t> hashes;
  bool by_words = std::all_of(wanted.begin(), wanted.end(), [](auto name) {
    return !name.empty() &&
           std::all_of(name.begin(), name.end(), IsIdentifierByte);
  });
  for (std::string_view name : wanted) hashes.push_back(WordHash(name));
  // Reading the files is most of it (a kernel copy per file): spread over
  // the cores, each thread taking every n-th file and recording (name,
  // file) pairs of its own.
  // With the word store most files are known by now (the survey stamped
  // them): only the rest are read, and a thread for a few is not worth its
  // start.
  size_t to_read = words.Keeps() ? words.NotKnownSoFar() : files.size();
  size_t threads =
      std::clamp<size_t>(std::thread::hardware_concurrency(), 1,
                         std::min<size_t>(8, to_read / 64 + 1));
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> found(threads);
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> declared(threads);
  // Set for the files naming one of `names`; each thread writes the bytes
  // of its own files only.
  std::vector<uint8_t> may_define(files.size(), 0);
  // A few names are each searched for in the text (memmem, a fraction of
  // a nanosecond a byte), many are looked up word by word (a hash lookup
  // per word of a length some name has): a pre-commit run asking about one
  // global of a classic script reads the whole work tree (issue 14: 13,000
  // files, the word scan was 40% of it).
  constexpr size_t kNamesSearchedOneByOne = 8;
  bool one_by_one = wanted.size() <= kNamesSearchedOneByOne;
  auto scan = [&](size_t first) {
    ReadBuffer buffer;
    DistinctWords distinct;
    std::vector<uint32_t> seen_in(wanted.size(), UINT32_MAX);
    std::vector<uint32_t> named, declaring;
    // The answer for file `id` from what the word store knows of it; false
    // when that is not enough (a name it may declare, which no scan of this
    // text answered before: which mention does needs the text).
    auto answered_by_words = [&](uint32_t id) {
      named.clear();
      declaring.clear();
      std::span<const uint32_t> named_words = words.WordHashesOf(id);
      for (uint32_t n = 0; n < wanted.size(); ++n) {
        if (!HoldsHash(named_words, hashes[n])) continue;
        if (words.MayDeclare(id, hashes[n])) {
          std::optional<bool> declares =
              words.DeclaresByFirstMention(id, hashes[n]);
          if (!declares) return false;
          if (*declares) declaring.push_back(n);
        }
        named.push_back(n);
      }
      for (uint32_t n : named) found[first].emplace_back(n, id);
      for (uint32_t n : declaring) declared[first].emplace_back(n, id);
      if (!named.empty()) may_define[id] = words.MayDefineCreateSource(id);
      return true;
    };
    for (size_t id = first; id < files.size(); id += threads) {
      auto file_id = static_cast<uint32_t>(id);
      bool known = words.Known(file_id);
      if (known && by_words && answered_by_words(file_id)) continue;
      SourceView file = ReadSourceFile(files[id], kDefaultMaxFileBytes, buffer);
      if (!file.error.empty()) continue;
      if (!known && words.Keeps()) {
        words.Record(file_id, ReadWords(file.text, distinct));
        if (by_words && answered_by_words(file_id)) continue;
      }
      TopLevelScan top_level(file.text);
      bool learns = by_words && words.Keeps();
      auto note = [&](uint32_t name, size_t offset) {
        if (seen_in[name] != file_id) {
          bool declares = DeclaredByFirstMention(file.text, offset,
                                                 wanted[name], top_level);
          if (declares) declared[first].emplace_back(name, file_id);
          // Kept for the next run, which then answers from the store.
          if (learns) words.LearnDeclaration(file_id, hashes[name], declares);
        }
        if (seen_in[name] == file_id) return;
        seen_in[name] = file_id;
        found[first].emplace_back(name, file_id);
      };
      size_t found_before = found[first].size();
      if (one_by_one) {
        for (uint32_t n = 0; n < wanted.size(); ++n) {
          if (wanted[n].empty()) continue;  // never a word
          for (size_t at : WordsAt(file.text, wanted[n])) note(n, at);
        }
      } else {
        ForEachWord(file.text, [&](std::string_view word) {
          if (!lengths.test(std::min<size_t>(word.size(), 255))) return;
          auto at = position.find(word);
          if (at == position.end()) return;
          note(at->second, static_cast<size_t>(word.data() - file.text.data()));
        });
      }
      if (found[first].size() != found_before)
        may_define[id] = MayDefineCreateSource(file.text);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(scan, t);
  scan(0);
  for (std::thread& t : pool) t.join();
  // Merged with earlier reads': each set the files naming its own names.
  may_define_create_source_.resize(files.size(), 0);
  for (size_t id = 0; id < files.size(); ++id)
    may_define_create_source_[id] |= may_define[id];
  std::vector<std::vector<uint32_t>> ids(wanted.size());
  for (const auto& part : found) {
    for (auto [name, file] : part) ids[name].push_back(file);
  }
  for (uint32_t n = 0; n < wanted.size(); ++n) {
    std::sort(ids[n].begin(), ids[n].end());
    files_naming_[std::string(wanted[n])] = std::move(ids[n]);
  }
  for (const auto& part : declared) {
    for (auto [name, file] : part)
      files_declaring_.emplace(std::string(wanted[name]), file);
  }
}

std::vector<uint32_t> Linker::FilesNaming(const std::string& name) {
  auto prepared = files_naming_.find(name);
  if (prepared != files_naming_.end()) return prepared->second;
  // The first few names asked one by one (a pre-commit run following one
  // or two builders) are looked for by reading the project, which costs
  // one read of each file; more questions pay for the index once. With
  // the word store, a scan reads only the files naming the name (the
  // first one reads those the store does not know), so many more go that
  // way; a run asking about hundreds still builds the index.
  constexpr int kScansBeforeIndex = 2;
  constexpr int kScansWithStore = 32;
  bool one_word =
      !name.empty() && std::all_of(name.begin(), name.end(), IsIdentifierByte);
  int scans = Words().Keeps() ? kScansWithStore : kScansBeforeIndex;
  if (!index_ && one_word && lazy_scans_ < scans) {
    ++lazy_scans_;
    PrepareNames({name});
    return files_naming_[name];
  }
  return Index().MayContain(name);
}

}  // namespace psm
