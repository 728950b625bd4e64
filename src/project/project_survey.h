#ifndef PSM_PROJECT_PROJECT_SURVEY_H_
#define PSM_PROJECT_PROJECT_SURVEY_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "project/kept_listing.h"
#include "project/known_words.h"

namespace psm {

// The project model's first look at a project: its files (one walk of the
// root, ignore files honoured unless --no-ignore) and, with the word store,
// which of them changed since the store was kept (a stat() of each). With
// the word store, the walk's list is kept too, and taken while nothing it
// rested on changed (project/kept_listing.h).
//
// That look does not depend on the files given, and in a pre-commit run in
// a git work tree it is much of the run (issue 14: 15 of 27 ms for 2,000
// files at first, against 10 ms for parsing the five files given). So the
// first worker that finds a call the project model must follow takes it
// (Start), while the other workers go on parsing; the linker then takes
// what it found (Files, Words). Taken on a thread of its own it cost more:
// a third thread on two busy cores (issue 14: 0.25-0.3 ms more of a 5-6 ms
// run). Never started, it is done on the asking thread.
class ProjectSurvey {
 public:
  ProjectSurvey(std::string root, bool no_ignore, bool word_store);
  ProjectSurvey(const ProjectSurvey&) = delete;
  ProjectSurvey& operator=(const ProjectSurvey&) = delete;

  // Whether this survey is the one a linker with these settings needs.
  bool Answers(const std::string& root, bool no_ignore, bool word_store) const;
  // Whether Files() is the walk of `root` with these settings.
  bool Lists(const std::string& root, bool no_ignore) const;

  // Takes the look on the calling thread; only the first call does, and a
  // later one returns at once (the look may still run). Safe from any
  // thread.
  void Start();

  // Every file under the root (absolute, sorted). Waits for the look, or
  // walks now when it was never started. One asking thread only (the
  // linker's), as for Words.
  const std::vector<std::string>& Files();
  // The words of Files(), as far as the word store knows them; every
  // file's stamp is taken already when Start took the look (the asking
  // thread helps with the rest, should it still run).
  KnownWords& Words();
  // Keeps the words learned in this run (KnownWords::Save), when Words
  // was asked for.
  void SaveWords();

 private:
  enum class Phase { kIdle, kWalked, kWordsMade, kDone };
  void Survey();      // the look, as Start takes it
  void Walk();        // Files(), found: kept or walked
  bool TakeKeptListing();  // Files() from the last run's walk, if it stands
  void WalkAndKeep();
  void StampFiles();  // KnownWords::Known of files not yet claimed
  KnownWords::Store OpenStoreQuietly() const;
  void Reach(Phase phase);

  const std::string root_;
  const bool no_ignore_;
  const bool word_store_;
  enum class Launch { kNotYet, kStarting, kSettled };
  std::atomic<Launch> launch_{Launch::kNotYet};
  bool taken_by_start_ = false;  // set by the Start that claimed launch_
  std::mutex mutex_;
  std::condition_variable changed_;
  Phase phase_ = Phase::kIdle;  // of the look Start took, under mutex_
  std::atomic<size_t> next_stamp_{0};
  std::vector<std::string> files_;
  std::optional<KeptListing> kept_;  // with the word store, once looked for
  std::optional<KnownWords> words_;
  bool words_asked_ = false;
  bool walked_ = false;       // by the look Start took
  bool walked_here_ = false;  // by the asking thread
  bool failed_ = false;  // the look Start took threw; under mutex_
};

}  // namespace psm

#endif  // PSM_PROJECT_PROJECT_SURVEY_H_
