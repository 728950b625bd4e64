#ifndef PSM_COMMON_SPARE_CORES_H_
#define PSM_COMMON_SPARE_CORES_H_

#include <cstddef>
#include <cstdint>
#include <future>
#include <system_error>
#include <utility>

#include "common/heap_tuning.h"
#include "common/platform.h"

namespace psm {

// Cores the run leaves idle: `--jobs` allows more threads than there are
// files to work on (a lone bundle or long legacy file, the pre-commit case
// with one file). The run says how many (cli/run.cc); a file with thousands
// of call sites may then borrow one to work on half of its sites (issue 14:
// one file of 8,000 sites kept one core of two idle). A tree's workers
// already use every core: nothing is spare and nothing changes for them.
class SpareCores {
 public:
  // Cores idle while the files are worked on; 0 after the run. Leases
  // still out count against it.
  static void Set(unsigned n);

  // One borrowed core, given back when the lease ends; false when none was
  // spare.
  class Lease {
   public:
    Lease() = default;
    ~Lease();
    Lease(Lease&& other) noexcept : held_(std::exchange(other.held_, false)) {}
    Lease& operator=(Lease&&) = delete;
    explicit operator bool() const { return held_; }

   private:
    friend class SpareCores;
    explicit Lease(bool held) : held_(held) {}
    bool held_ = false;
  };
  static Lease Borrow();

  // Leases made since the program started (tests: whether work was split).
  static uint64_t Lent();
};

// Runs `work(begin, end, borrowed)` over the indexes [0, n): in two halves
// at once, the second on a borrowed core (`borrowed` true there), when a
// core is spare and `n` is at least `min_split`; otherwise whole on this
// thread. Both halves must be safe to run at the same time (they share
// only what they read); whatever a half keeps per thread (the scope index
// of find/scope.h) it must set up itself when `borrowed`. An exception from
// either half is rethrown here once both have ended.
template <typename Work>
void SplitOverSpareCore(size_t n, size_t min_split, Work&& work) {
  if constexpr (kHasThreads) {
    SpareCores::Lease lease =
        n >= min_split && n >= 2 ? SpareCores::Borrow() : SpareCores::Lease();
    if (lease) {
      size_t half = n / 2;
      std::future<void> second;
      bool huge = PrefersHugePages();
      try {
        second = std::async(std::launch::async, [&work, half, n, huge] {
          if (huge) PreferHugePagesOnThisThread();
          work(half, n, true);
        });
      } catch (const std::system_error&) {  // no thread to be had
        work(size_t{0}, n, false);
        return;
      }
      try {
        work(size_t{0}, half, false);
      } catch (...) {
        second.wait();
        throw;
      }
      second.get();
      return;
    }
  }
  work(size_t{0}, n, false);
}

}  // namespace psm

#endif  // PSM_COMMON_SPARE_CORES_H_
