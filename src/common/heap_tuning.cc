#include "common/heap_tuning.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ with glibc
#include <cstring>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#endif

namespace psm {

#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)

namespace {

constexpr size_t kPad = 256u << 20;      // reserved, touched only when used
constexpr size_t kSmallHeap = 8u << 20;  // what a small run stays within
constexpr size_t kHugePage = 2u << 20;

std::atomic<uintptr_t> g_heap_start{0};
std::atomic<uintptr_t> g_advised_end{0};  // 0: tuning off

uintptr_t AlignUp(uintptr_t p, size_t to) { return (p + to - 1) & ~(to - 1); }

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

void AdviseHeapGrowth() {
  uintptr_t advised = g_advised_end.load(std::memory_order_relaxed);
  if (advised == 0) return;
  auto end = reinterpret_cast<uintptr_t>(sbrk(0));  // no system call
  if (end <= advised) return;
  if (!g_advised_end.compare_exchange_strong(advised, end)) return;
  uintptr_t from =
      AlignUp(std::max(advised, g_heap_start.load() + kSmallHeap), kHugePage);
  if (end > from) {
    // A hint: the kernel may refuse (huge pages off), nothing else changes.
    madvise(reinterpret_cast<void*>(from), end - from, MADV_HUGEPAGE);
  }
}

void TuneHeap() {
  const char* setting = std::getenv("PSM_HEAP_TUNING");
  if ((setting && std::strcmp(setting, "off") == 0) || MemoryIsBudgeted())
    return;
  mallopt(M_TOP_PAD, kPad);
  // Grow the heap now by the pad, so it can be marked before any of it is
  // touched: blocks the top cannot hold make it grow by block and pad.
  // Freeing them keeps the pad (glibc trims only beyond it). Bounded: a
  // heap that cannot grow (brk refused) is left as it is.
  auto start = reinterpret_cast<uintptr_t>(sbrk(0));
  constexpr size_t kBlock = 64u << 10;  // below the mmap threshold
  void* volatile blocks[64];  // volatile: kept, though only ever freed
  size_t taken = 0;
  while (taken < 64 && reinterpret_cast<uintptr_t>(sbrk(0)) == start) {
    blocks[taken++] = std::malloc(kBlock);
  }
  g_heap_start.store(start);
  g_advised_end.store(start);
  AdviseHeapGrowth();
  for (size_t i = 0; i < taken; ++i) std::free(blocks[i]);
}

#else

void TuneHeap() {}
void AdviseHeapGrowth() {}

#endif

}  // namespace psm
