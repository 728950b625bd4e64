#include "project/known_words.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "project/declaration_answers.h"
#include "project/sorted_hashes.h"

namespace psm {

KnownWords::Store KnownWords::OpenStore(const std::string& root,
                                        bool use_store) {
  Store store;
  if (!use_store) return store;
  store.location = WordStore::LocationFor(root);
  if (!store.location.empty()) store.words.Load(store.location);
  return store;
}

KnownWords::KnownWords(const std::string& root,
                       const std::vector<std::string>& files, Store store)
    : location_(std::move(store.location)),
      files_(files),
      root_(root),
      stamps_below_(root),
      store_(std::move(store.words)),
      state_(files.size(), State::kUnasked),
      stamps_(files.size()),
      stored_(files.size(), -1),
      read_(files.size()) {
  if (location_.empty()) return;
  recent_ns_ = KeepableBefore();
  if (store_.size() > 0) MatchStore();
}

std::string_view KnownWords::Relative(uint32_t id) const {
  std::string_view path = files_[id];
  // Every project file lies below the root ("root/..."); anything else is
  // never stored.
  if (path.size() <= root_.size() + 1 || path[root_.size()] != '/' ||
      !path.starts_with(root_))
    return {};
  return path.substr(root_.size() + 1);
}

void KnownWords::MatchStore() {
  // The store keeps the files in the order of the walk that saved it; the
  // walk of this run most likely repeats it, so one pass pairs them, and
  // only files added or removed since need a lookup by path.
  std::optional<std::unordered_map<std::string_view, size_t>> by_path;
  size_t next = 0;
  for (uint32_t id = 0; id < files_.size(); ++id) {
    std::string_view relative = Relative(id);
    if (relative.empty()) continue;
    if (next < store_.size() && store_.at(next).path == relative) {
      stored_[id] = static_cast<ptrdiff_t>(next++);
      continue;
    }
    if (!by_path) {
      by_path.emplace();
      for (size_t e = 0; e < store_.size(); ++e)
        by_path->emplace(store_.at(e).path, e);
    }
    auto found = by_path->find(relative);
    if (found != by_path->end()) stored_[id] = found->second;
  }
}

bool KnownWords::Known(uint32_t id) {
  if (state_[id] == State::kUnasked) {
    state_[id] = State::kUnknown;
    if (!location_.empty()) {
      stamps_[id] = stamps_below_.Of(
          files_[id], Relative(id).empty() ? 0 : root_.size() + 1);
      if (stored_[id] >= 0 && stamps_[id] &&
          store_.at(stored_[id]).stamp == *stamps_[id])
        state_[id] = State::kStored;
    }
  }
  return state_[id] == State::kStored || state_[id] == State::kRead;
}

size_t KnownWords::NotKnownSoFar() const {
  return std::count_if(state_.begin(), state_.end(), [](State s) {
    return s != State::kStored && s != State::kRead;
  });
}

std::span<const uint32_t> KnownWords::WordHashesOf(uint32_t id) const {
  return state_[id] == State::kStored ? store_.WordsOf(stored_[id])
                                      : std::span<const uint32_t>(
                                            read_[id].words);
}

bool KnownWords::MayName(uint32_t id, uint64_t hash) const {
  return HoldsHash(WordHashesOf(id), hash);
}

bool KnownWords::MayDeclare(uint32_t id, uint64_t hash) const {
  return HoldsHash(state_[id] == State::kStored
                       ? store_.DeclaredOf(stored_[id])
                       : read_[id].declared,
                   hash);
}

bool KnownWords::MayDefineCreateSource(uint32_t id) const {
  if (state_[id] == State::kStored)
    return store_.at(stored_[id]).flags & StoredWords::kMayDefineCreateSource;
  return read_[id].may_define_create_source;
}

bool KnownWords::Keepable(uint32_t id,
                          const std::optional<FileStamp>& stamp) const {
  return !location_.empty() && stamp && StampedBefore(*stamp, recent_ns_) &&
         !Relative(id).empty();
}

std::optional<bool> KnownWords::DeclaresByFirstMention(uint32_t id,
                                                       uint64_t hash) const {
  if (state_[id] == State::kStored) {
    if (auto kept = FindDeclarationAnswer(store_.AnswersOf(stored_[id]), hash))
      return kept;
  }
  return FindDeclarationAnswer(read_[id].answers, hash);
}

void KnownWords::LearnDeclaration(uint32_t id, uint64_t hash, bool declared) {
  if (state_[id] != State::kStored && state_[id] != State::kRead) return;
  if (DeclaresByFirstMention(id, hash)) return;
  AddDeclarationAnswer(&read_[id].answers, hash, declared);
  if (Keepable(id, stamps_[id])) learned_ = true;
}

void KnownWords::Record(uint32_t id, WordsRead read) {
  read_[id] = std::move(read);
  state_[id] = State::kRead;
  if (Keepable(id, stamps_[id])) learned_ = true;
}

bool KnownWords::KeptAsStored(uint32_t id) const {
  // Unasked: not stat()ed this run, so kept as it was (its stamp decides
  // at the next run).
  return state_[id] == State::kStored ||
         (state_[id] == State::kUnasked && stored_[id] >= 0);
}

void KnownWords::Save() {
  if (location_.empty()) return;
  // Nothing new, and nothing of the store dropped (a file gone or
  // changed): the store on disk is this one already.
  if (!learned_) {
    size_t kept = 0;
    for (uint32_t id = 0; id < files_.size(); ++id)
      kept += KeptAsStored(id) ? 1 : 0;
    if (kept == store_.size()) return;
  }
  std::vector<StoredWords> entries;
  entries.reserve(files_.size());
  // A kept entry's answers with those learned this run; reserved, so that
  // the entries' views of them stay put.
  std::vector<std::vector<uint32_t>> merged;
  merged.reserve(files_.size());
  for (uint32_t id = 0; id < files_.size(); ++id) {
    std::string_view relative = Relative(id);
    if (relative.empty()) continue;
    if (KeptAsStored(id)) {
      StoredWords kept = store_.at(stored_[id]);
      if (!read_[id].answers.empty()) {
        std::vector<uint32_t>& answers = merged.emplace_back(
            kept.answers.begin(), kept.answers.end());
        answers.insert(answers.end(), read_[id].answers.begin(),
                       read_[id].answers.end());
        kept.answers = answers;
      }
      entries.push_back(kept);
    } else if (state_[id] == State::kRead && Keepable(id, stamps_[id])) {
      const WordsRead& read = read_[id];
      entries.push_back({relative, *stamps_[id], read.words, read.declared,
                         read.answers,
                         read.may_define_create_source
                             ? StoredWords::kMayDefineCreateSource
                             : 0u});
    }
  }
  WordStore::Save(location_, entries);
}

}  // namespace psm
