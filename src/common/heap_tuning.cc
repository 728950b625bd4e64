#include "common/heap_tuning.h"

#include <algorithm>
#include <cstdlib>  // defines __GLIBC__ with glibc
#include <cstring>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <fstream>
#endif

namespace psm {

#if defined(__linux__) && defined(__GLIBC__)

namespace {

constexpr size_t kPad = 256u << 20;  // reserved, touched only when used
constexpr uintptr_t kHugePage = 2u << 20;
// What a run of small files stays within: never marked, so their pages are
// faulted one by one as before.
constexpr uintptr_t kSmallHeap = 8u << 20;
// glibc's HEAP_MAX_SIZE on 64-bit: a thread arena's heap is a mapping of
// this size aligned to it (glibc finds a block's heap the same way).
constexpr uintptr_t kThreadHeap = uintptr_t{64} << 20;

std::atomic<uintptr_t> g_heap_start{0};  // 0: tuning off
std::atomic<uintptr_t> g_advised_end{0};
thread_local bool t_prefers_huge = false;

uintptr_t AlignUp(uintptr_t p) {
  return (p + kHugePage - 1) & ~(kHugePage - 1);
}

// A hint to the kernel: it may refuse (huge pages off), nothing else
// changes.
void Advise(uintptr_t from, uintptr_t to) {
  if (to > from)
    madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}

// Whether memory is budgeted: `ulimit -v` or `-d`, or strict overcommit
// (every writable page committed up front). There the pad would take its
// 256 MiB out of the budget (and glibc, refused a brk, maps the pad's size
// instead and fails): the allocator is left as it is.
bool MemoryIsBudgeted() {
  for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    struct rlimit limit {};
    if (getrlimit(resource, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY)
      return true;
  }
  std::ifstream overcommit("/proc/sys/vm/overcommit_memory");
  int mode = 0;
  return overcommit >> mode && mode == 2;
}

}  // namespace

void TuneHeap() {
  const char* setting = std::getenv("PSM_HEAP_TUNING");
  if ((setting && std::strcmp(setting, "off") == 0) || MemoryIsBudgeted())
    return;
  mallopt(M_TOP_PAD, kPad);
  g_heap_start.store(reinterpret_cast<uintptr_t>(sbrk(0)));
}

void PreferHugePagesOnThisThread() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return;  // their allocator has no brk heap or glibc arenas
#endif
  uintptr_t start = g_heap_start.load();
  if (start == 0) return;
  t_prefers_huge = true;
  auto end = reinterpret_cast<uintptr_t>(sbrk(0));  // no system call
  // The main thread allocates from the main heap; another thread from its
  // arena. (Telling them by where a probe block lies was wrong when the
  // block reused a chunk freed below `start`, allocated before TuneHeap ran:
  // the main heap was then advised as an arena, its first 8 MiB included.)
  if (gettid() != getpid()) {
    void* probe = std::malloc(1);
    auto at = reinterpret_cast<uintptr_t>(probe);
    std::free(probe);
    if (at < start || at >= end) {  // a thread arena's heap
      uintptr_t heap = at & ~(kThreadHeap - 1);
      Advise(heap, heap + kThreadHeap);
      return;
    }
  }
  // The main heap, from where a small run ends to its end (the pad keeps
  // that well ahead of what is used), each part once.
  uintptr_t advised = g_advised_end.load();
  uintptr_t from = std::max(AlignUp(start + kSmallHeap), advised);
  if (end > from && g_advised_end.compare_exchange_strong(advised, end))
    Advise(from, end);
}

bool PrefersHugePages() { return t_prefers_huge; }

#else

void TuneHeap() {}
void PreferHugePagesOnThisThread() {}
bool PrefersHugePages() { return false; }

#endif

}  // namespace psm
