#include "project/project_survey.h"

#include <algorithm>
#include <system_error>
#include <thread>
#include <utility>

#include "io/ignore.h"
#include "io/walk.h"
#include "io/walk_sources.h"

namespace psm {

ProjectSurvey::ProjectSurvey(std::string root, bool no_ignore, bool word_store)
    : root_(std::move(root)), no_ignore_(no_ignore), word_store_(word_store) {}

bool ProjectSurvey::Answers(const std::string& root, bool no_ignore,
                            bool word_store) const {
  return Lists(root, no_ignore) && word_store == word_store_;
}

bool ProjectSurvey::Lists(const std::string& root, bool no_ignore) const {
  return root == root_ && no_ignore == no_ignore_;
}

void ProjectSurvey::Start() {
  // Claimed, not std::call_once: a second worker asking meanwhile goes on
  // with its files.
  Launch expected = Launch::kNotYet;
  if (!launch_.compare_exchange_strong(expected, Launch::kStarting)) return;
  taken_by_start_ = true;
  launch_.store(Launch::kSettled);
  launch_.notify_all();
  Survey();
}

void ProjectSurvey::Walk() {
  if (!TakeKeptListing()) WalkAndKeep();
}

bool ProjectSurvey::TakeKeptListing() {
  if (!word_store_) return false;
  try {
    if (!kept_) kept_.emplace(root_, no_ignore_);
    std::optional<std::vector<std::string>> files = kept_->Load();
    if (files) files_ = std::move(*files);
    return files.has_value();
  } catch (...) {
    return false;  // out of memory, most likely: walked instead
  }
}

void ProjectSurvey::WalkAndKeep() {
  IgnoreRules ignore({}, {}, !no_ignore_);
  WalkSources sources;
  bool keep = kept_ && kept_->Usable();
  if (keep) ignore.NoteSourcesIn(&sources);
  // One thread: the run's workers hold the cores meanwhile, and listing on
  // two measured slower on a tree of many small directories (the bench's
  // dense-git, `psm_raw_parse --list`: 9.3 ms against 7.8 ms on one).
  WalkResult walked =
      CollectFiles({root_}, &ignore, 1, nullptr, keep ? &sources : nullptr);
  files_ = std::move(walked.files);
  if (keep && walked.problems.empty())
    kept_->Save(files_, sources.Take());
}

void ProjectSurvey::StampFiles() {
  if (!words_->Keeps()) return;
  // In chunks, claimed by whichever thread comes: the one that took the
  // look, and the linker's thread should it wait for it.
  constexpr size_t kChunk = 64;
  for (;;) {
    size_t first = next_stamp_.fetch_add(kChunk);
    if (first >= files_.size()) return;
    size_t last = std::min(first + kChunk, files_.size());
    for (size_t id = first; id < last; ++id)
      words_->Known(static_cast<uint32_t>(id));
  }
}

void ProjectSurvey::Survey() {
  auto reached = [this](Phase phase) {
    std::lock_guard lock(mutex_);
    phase_ = phase;
    changed_.notify_all();
  };
  // The store is read while the project is walked: neither needs the
  // other, and both wait on the kernel more than on a core. The last run's
  // listing takes a fraction of a walk: then a thread costs more than it
  // saves.
  bool listed = TakeKeptListing();
  std::optional<KnownWords::Store> store;
  std::thread reader;
  if (word_store_ && !listed) {
    try {
      reader = std::thread([this, &store] { store = OpenStoreQuietly(); });
    } catch (const std::system_error&) {
      // Read after the walk, then.
    }
  }
  struct Joined {
    std::thread& thread;
    ~Joined() {
      if (thread.joinable()) thread.join();
    }
  } joined{reader};
  try {
    if (!listed) WalkAndKeep();
    walked_ = true;  // read under mutex_ once reached
    reached(Phase::kWalked);
    if (reader.joinable()) reader.join();
    if (!store) store = OpenStoreQuietly();
    words_.emplace(root_, files_, std::move(*store));
    reached(Phase::kWordsMade);
    StampFiles();
  } catch (...) {
    // Out of memory, most likely: the asking thread tries again itself.
    std::lock_guard lock(mutex_);
    failed_ = true;
  }
  reached(Phase::kDone);
}

KnownWords::Store ProjectSurvey::OpenStoreQuietly() const {
  try {
    return KnownWords::OpenStore(root_, word_store_);
  } catch (...) {
    return {};  // no store: every file asked about is read
  }
}

void ProjectSurvey::Reach(Phase phase) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return phase_ >= phase; });
  if (!failed_) return;
  // The look failed: once it has ended, what it left undone is done on
  // this thread (Files, Words).
  changed_.wait(lock, [&] { return phase_ == Phase::kDone; });
  lock.unlock();
  taken_by_start_ = false;
  words_.reset();
  walked_here_ = walked_;
  if (!walked_) files_.clear();
}

const std::vector<std::string>& ProjectSurvey::Files() {
  // Not started by now: it will not be from now on. Being started: wait
  // for taken_by_start_.
  Launch expected = Launch::kNotYet;
  if (!launch_.compare_exchange_strong(expected, Launch::kSettled))
    launch_.wait(Launch::kStarting);
  if (taken_by_start_) Reach(Phase::kWalked);
  if (!taken_by_start_ && !walked_here_) {
    walked_here_ = true;
    Walk();
  }
  return files_;
}

KnownWords& ProjectSurvey::Words() {
  Files();
  words_asked_ = true;
  if (taken_by_start_) {
    Reach(Phase::kWordsMade);
    if (taken_by_start_) {
      StampFiles();  // what is left, when the look still stamps elsewhere
      Reach(Phase::kDone);  // its last chunk stamped
    }
    if (taken_by_start_) {
      taken_by_start_ = false;
      walked_here_ = true;  // its walk stands
      return *words_;
    }
    Files();  // the look failed: whatever it had not done is done here
  }
  if (!words_) words_.emplace(root_, files_, word_store_);
  return *words_;
}

void ProjectSurvey::SaveWords() {
  if (words_asked_ && words_) words_->Save();
}

}  // namespace psm
