#ifndef PSM_PROJECT_WORD_STORE_H_
#define PSM_PROJECT_WORD_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/file_stamp.h"

namespace psm {

// What each file of a project named when a run last read it, kept
// between runs so that a pre-commit run does not read the whole
// repository again for the few names it asks about (issue 14: 19 ms of a
// 30 ms run over 5 files of a 2,000-file repository).
//
// One file in the repository's git directory per project root
// (`<git dir>/payment-session-migrate/words-<hash of the root>`), never in
// the work tree, one StoredWords per file. A store that is truncated, of
// another format or fails its checksum (worked out once per stamp of the
// store's file: NoteChecked) is ignored as a whole; it is written to
// a temporary file renamed over the old one, so a reader sees either. One entry
// of the store: a file's path relative to the project root
// ('/'-separated), its stamp when it was read, and what a scan for names
// wants of it (WordsRead): the sorted, distinct 32-bit hashes (WordHash)
// of its words and of those its first mention declares, what scans learned
// of it since (project/declaration_answers.h), and flags.
struct StoredWords {
  std::string_view path;
  FileStamp stamp;
  std::span<const uint32_t> words;
  std::span<const uint32_t> declared;
  std::span<const uint32_t> answers;
  uint32_t flags = 0;
  static constexpr uint32_t kMayDefineCreateSource = 1;
};

class WordStore {
 public:
  // Where the store of the project at `root` (absolute) lives; "" when the
  // root is not inside a git work tree.
  static std::string LocationFor(const std::string& root);

  // Reads the store at `location`; false, and no entries, when there is
  // none or it is not sound. Entries come in the order they were saved in;
  // their views point into this object.
  bool Load(const std::string& location);
  size_t size() const { return count_; }
  StoredWords at(size_t i) const;
  // at(i).words and at(i).declared, for the lookups of a scan.
  std::span<const uint32_t> WordsOf(size_t i) const;
  std::span<const uint32_t> DeclaredOf(size_t i) const;
  std::span<const uint32_t> AnswersOf(size_t i) const;

  // Replaces the store at `location` with `entries` (in the order of the
  // project's files, which the next run's walk most likely repeats);
  // false when it cannot be written (a read-only git directory: the next
  // run just reads the files again).
  static bool Save(const std::string& location,
                   const std::vector<StoredWords>& entries);

 private:
  // Where an entry's hashes start among all, how many words, how many
  // declared: three fields of its record, read without the rest.
  struct HashSpans {
    uint32_t at, words, declared, answers;
  };
  HashSpans SpansOf(size_t i) const;
  const uint32_t* Hashes() const;

  // The store's file, mapped.
  using Bytes = std::unique_ptr<const char, std::function<void(const char*)>>;
  Bytes bytes_;
  size_t byte_count_ = 0;
  size_t count_ = 0;
  size_t paths_at_ = 0;   // where the path bytes start
  size_t hashes_at_ = 0;  // where the hashes start
};

}  // namespace psm

#endif  // PSM_PROJECT_WORD_STORE_H_
