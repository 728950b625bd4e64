#ifndef PSM_PROJECT_KNOWN_WORDS_H_
#define PSM_PROJECT_KNOWN_WORDS_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/file_stamp.h"
#include "project/first_mentions.h"
#include "project/word_store.h"

namespace psm {

// Which words each file of the project names, without reading the files
// that have not changed since a run kept their words in the word store
// (WordStore). The project model asks "which files name X?" of the whole
// repository; in a pre-commit run that question is most of the time
// (reading 2,000 files to answer it for 5).
//
// A file's stored words count only while its stamp (FileStamp) is the one
// they were read with. Only stamps older than two seconds are kept: a file
// changed again within its file system's timestamp granularity of the read
// could otherwise keep its stamp and change its words.
class KnownWords {
 public:
  // `root`: the project root (absolute); `files`: the project's files
  // (absolute, below the root). Loads the root's store, if the root lies
  // in a git work tree and `use_store`; otherwise every file is read.
  KnownWords(const std::string& root, const std::vector<std::string>& files,
             bool use_store)
      : KnownWords(root, files, OpenStore(root, use_store)) {}

  // The word store of the project at `root`, as read at the start of a run:
  // where it lives ("" when none is used) and what it holds. Apart, so that
  // it can be read while the project is walked (ProjectSurvey).
  struct Store {
    std::string location;
    WordStore words;
  };
  static Store OpenStore(const std::string& root, bool use_store);
  KnownWords(const std::string& root, const std::vector<std::string>& files,
             Store store);

  // Whether the words read now are kept for the next run (the store is in
  // use); Record is worth its hashing only then.
  bool Keeps() const { return !location_.empty(); }

  // Whether the words of file `id` are known without reading it (its stamp
  // is the stored one, or this run read it already). Stats the file on the
  // first ask, which must come before the file is read for Record. Safe on
  // several threads for different ids.
  bool Known(uint32_t id);
  // How many files are not known as far as asked so far: stamps not taken
  // yet count, so this is all of them before any Known. Not while Known
  // runs on another thread.
  size_t NotKnownSoFar() const;
  // For a known file: whether it may name the word of WordHash `hash` (a
  // word of ForEachWord: a whole run of identifier bytes), and whether it
  // may declare it by its first mention (WordsRead::declared: a superset
  // of DeclaredByFirstMention, which the caller then asks of the text).
  bool MayName(uint32_t id, uint64_t hash) const;
  bool MayDeclare(uint32_t id, uint64_t hash) const;
  // MayName's list for a known file, for a scan asking it about several
  // names (HoldsHash): found once, not once per name.
  std::span<const uint32_t> WordHashesOf(uint32_t id) const;
  // For a known file: MayDefineCreateSource of its text.
  bool MayDefineCreateSource(uint32_t id) const;
  // For a known file: whether the first mention of the name of WordHash
  // `hash` declares it, as a scan of its text found before (kept in the
  // store; project/declaration_answers.h); nullopt when never asked.
  std::optional<bool> DeclaresByFirstMention(uint32_t id, uint64_t hash) const;
  // Keeps what DeclaredByFirstMention answered for the text of file `id`,
  // read after Known(id). Safe on several threads for different ids.
  void LearnDeclaration(uint32_t id, uint64_t hash, bool declared);
  // What file `id`, read after Known(id) asked, names.
  void Record(uint32_t id, WordsRead read);

  // Writes the store when this run learned something it did not hold.
  void Save();

 private:
  enum class State : uint8_t { kUnasked, kStored, kRead, kUnknown };
  // Pairs each file with its store entry (stored_).
  void MatchStore();
  // Whether file `id`'s store entry goes to the next run as it is.
  bool KeptAsStored(uint32_t id) const;
  // Whether a file read now with `stamp` may be kept for the next run.
  bool Keepable(uint32_t id, const std::optional<FileStamp>& stamp) const;
  std::string_view Relative(uint32_t id) const;

  std::string location_;  // of the store; "" when none is used
  const std::vector<std::string>& files_;
  std::string root_;
  StampsBelow stamps_below_;  // of root_
  WordStore store_;
  int64_t recent_ns_ = 0;  // stamps from this time on are not kept
  std::vector<State> state_;
  std::vector<std::optional<FileStamp>> stamps_;
  std::vector<ptrdiff_t> stored_;  // entry of the store, by file id
  // For kRead; for kStored, the answers learned this run.
  std::vector<WordsRead> read_;
  std::atomic<bool> learned_{false};
};

}  // namespace psm

#endif  // PSM_PROJECT_KNOWN_WORDS_H_
