#include "common/heap_tuning.h"

#include <cstdlib>  // defines __GLIBC__ with glibc
#include <cstring>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/resource.h>

#include <fstream>
#endif

namespace psm {

#if defined(__linux__) && defined(__GLIBC__)

namespace {

constexpr size_t kPad = 256u << 20;  // reserved, touched only when used

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
}

#else

void TuneHeap() {}

#endif

}  // namespace psm
