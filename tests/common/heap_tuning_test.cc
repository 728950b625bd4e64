// The heap tuning the tool and the tests start with (src/main.cc,
// tests/test_main.cc): the heap past its first 8 MiB is marked for huge
// pages, and so is what it grows by later. Read back from the kernel's own
// account of the process's memory (/proc/self/smaps: `hg` in VmFlags).
#include "common/heap_tuning.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#if defined(__linux__) && defined(__GLIBC__)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace psm {
namespace {

struct HeapArea {
  uintptr_t begin = 0, end = 0;
  bool huge = false;  // marked MADV_HUGEPAGE
};

// The areas of the brk heap, in address order.
std::vector<HeapArea> HeapAreas() {
  std::vector<HeapArea> areas;
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_heap = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> begin >> dash >> end && dash == '-') {
      in_heap = line.find("[heap]") != std::string::npos;
      if (in_heap) areas.push_back({begin, end, false});
    } else if (in_heap && line.rfind("VmFlags:", 0) == 0) {
      areas.back().huge = (line + " ").find(" hg ") != std::string::npos;
    }
  }
  return areas;
}

bool Skipped(std::string* why) {
#if !defined(__linux__) || !defined(__GLIBC__)
  *why = "glibc on Linux only";
  return true;
#elif defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  *why = "a sanitizer's allocator has no brk heap";
  return true;
#else
  if (!std::filesystem::exists("/sys/kernel/mm/transparent_hugepage")) {
    *why = "no transparent huge pages in this kernel";
    return true;
  }
  const char* setting = std::getenv("PSM_HEAP_TUNING");
  if (setting && std::string(setting) == "off") {
    *why = "PSM_HEAP_TUNING=off";
    return true;
  }
  for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    struct rlimit limit {};
    if (getrlimit(resource, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
      *why = "a memory ulimit: the tuning stands back";
      return true;
    }
  }
  std::ifstream overcommit("/proc/sys/vm/overcommit_memory");
  int mode = 0;
  if (overcommit >> mode && mode == 2) {
    *why = "strict overcommit: the tuning stands back";
    return true;
  }
  return false;
#endif
}

TEST(HeapTuningTest, HeapPastItsFirstMebibytesIsMarkedForHugePages) {
  std::string why;
  if (Skipped(&why)) GTEST_SKIP() << why;
  std::vector<HeapArea> areas = HeapAreas();
  ASSERT_FALSE(areas.empty());
  uintptr_t start = areas.front().begin;
  // A small run's heap stays in 4 KiB pages: it never faults in 2 MiB.
  EXPECT_FALSE(areas.front().huge);
  bool any_huge = false;
  for (const HeapArea& area : areas) {
    if (!area.huge) continue;
    any_huge = true;
    EXPECT_GE(area.begin, start + (8u << 20));
    EXPECT_EQ(area.begin % (2u << 20), 0u);
  }
  // The pad reserved up front reaches far past 8 MiB, all of it marked.
  EXPECT_TRUE(any_huge);
  EXPECT_GE(areas.back().end - start, 64u << 20);
}

#if defined(__linux__) && defined(__GLIBC__)
TEST(HeapTuningTest, WhatTheHeapGrowsByLaterIsMarkedWhenAdvised) {
  std::string why;
  if (Skipped(&why)) GTEST_SKIP() << why;
  auto end_before = reinterpret_cast<uintptr_t>(sbrk(0));
  // Blocks under the mmap threshold come from the heap; only their headers
  // are touched. Take them until the heap has grown past its pad.
  std::vector<void*> blocks;
  while (reinterpret_cast<uintptr_t>(sbrk(0)) <= end_before &&
         blocks.size() < 20000) {
    blocks.push_back(std::malloc(96 * 1024));
  }
  ASSERT_GT(reinterpret_cast<uintptr_t>(sbrk(0)), end_before);
  auto last = reinterpret_cast<uintptr_t>(blocks.back());
  auto marked = [&] {
    for (const HeapArea& area : HeapAreas()) {
      if (area.begin <= last && last < area.end) return area.huge;
    }
    return false;
  };
  // Some kernels (6.18 here) extend the marked area itself as the heap
  // grows; others map the growth apart, unmarked, until advised.
  AdviseHeapGrowth();
  EXPECT_TRUE(marked());
  for (void* block : blocks) std::free(block);
}
#endif

}  // namespace
}  // namespace psm
