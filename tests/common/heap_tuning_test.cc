// The heap tuning the tool and the tests start with (src/main.cc,
// tests/test_main.cc): a pad of 256 MiB for the heap's growth, so that a
// worker's heap is made writable whole and the main heap grows in large
// steps. Read back from the kernel's own account of the process's memory
// (/proc/self/smaps).
#include "common/heap_tuning.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#if defined(__linux__) && defined(__GLIBC__)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace psm {
namespace {

struct Mapping {
  uintptr_t begin = 0, end = 0;
  std::string permissions;
  bool huge = false;  // marked MADV_HUGEPAGE
};

// The process's mapping that holds `address`.
Mapping MappingHolding(uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  Mapping found;
  bool in_it = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> begin >> dash >> end && dash == '-') {
      in_it = begin <= address && address < end;
      if (in_it) {
        found = {begin, end, "", false};
        head >> found.permissions;
      }
    } else if (in_it && line.rfind("VmFlags:", 0) == 0) {
      found.huge = (line + " ").find(" hg ") != std::string::npos;
    }
  }
  return found;
}

// Where the process's brk heap begins (0 when it has none).
uintptr_t LowestHeapAddress() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  uintptr_t lowest = 0;
  while (std::getline(maps, line)) {
    if (line.find("[heap]") == std::string::npos) continue;
    uintptr_t begin = 0;
    std::istringstream head(line);
    if (head >> std::hex >> begin && (lowest == 0 || begin < lowest))
      lowest = begin;
  }
  return lowest;
}

bool Skipped(std::string* why) {
#if !defined(__linux__) || !defined(__GLIBC__)
  *why = "glibc on Linux only";
  return true;
#elif defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  *why = "a sanitizer's allocator has no brk heap";
  return true;
#else
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

#if defined(__linux__) && defined(__GLIBC__)
TEST(HeapTuningTest, AWorkersHeapIsMadeWritableWhole) {
  std::string why;
  if (Skipped(&why)) GTEST_SKIP() << why;
  // A thread's first block comes from an arena of its own (or one a thread
  // before it left), in a heap glibc sizes with the pad: 64 MiB writable
  // at once. Untuned, it is made writable 132 KiB at a time as it grows.
  Mapping mapping;
  std::thread worker([&] {
    void* block = std::malloc(1024);
    mapping = MappingHolding(reinterpret_cast<uintptr_t>(block));
    std::free(block);
  });
  worker.join();
  ASSERT_NE(mapping.end, 0u);
  EXPECT_EQ(mapping.permissions.substr(0, 2), "rw");
  EXPECT_GE(mapping.end - mapping.begin, 32u << 20);
}

TEST(HeapTuningTest, TheMainHeapGrowsByThePadAndIsNotOnHugePages) {
  std::string why;
  if (Skipped(&why)) GTEST_SKIP() << why;
  auto end_before = reinterpret_cast<uintptr_t>(sbrk(0));
  // Blocks under the mmap threshold come from the heap; only their headers
  // are touched. Take them until the heap has grown.
  std::vector<void*> blocks;
  while (reinterpret_cast<uintptr_t>(sbrk(0)) <= end_before &&
         blocks.size() < 20000) {
    blocks.push_back(std::malloc(96 * 1024));
  }
  auto end_after = reinterpret_cast<uintptr_t>(sbrk(0));
  ASSERT_GT(end_after, end_before);
  EXPECT_GE(end_after - end_before, 128u << 20);
  // Not marked for huge pages: in a VM with free page reporting a 2 MiB
  // fault is paid again on the host (heap_tuning.h).
  Mapping heap = MappingHolding(reinterpret_cast<uintptr_t>(blocks.back()));
  EXPECT_FALSE(heap.huge);
  for (void* block : blocks) std::free(block);
}

TEST(HeapTuningTest, ALargeFilesThreadHasItsArenaOnHugePages) {
  std::string why;
  if (Skipped(&why)) GTEST_SKIP() << why;
  Mapping mapping;
  bool asked = false;
  std::thread worker([&] {
    PreferHugePagesOnThisThread();
    asked = PrefersHugePages();
    void* block = std::malloc(1024);
    mapping = MappingHolding(reinterpret_cast<uintptr_t>(block));
    std::free(block);
  });
  worker.join();
  EXPECT_TRUE(asked);
  EXPECT_FALSE(PrefersHugePages());  // a thread's own choice
  ASSERT_NE(mapping.end, 0u);
  EXPECT_TRUE(mapping.huge);
}

// In a child process: the main heap's marking lasts as long as the process,
// and the test above it checks the heap unmarked.
TEST(HeapTuningTest, ALargeFileOnTheMainThreadMarksTheHeapPastItsFirst8MiB) {
  std::string why;
  if (Skipped(&why)) GTEST_SKIP() << why;
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto child = [] {
    // The heap's first bytes: below where the tuning began to count its
    // 8 MiB. (A block malloc'd now may lie past them already: the test
    // binary's start-up, which registers some 900 tests, can use that much.)
    uintptr_t first = LowestHeapAddress();
    PreferHugePagesOnThisThread();
    auto past = first + (12u << 20);
    std::vector<void*> blocks;
    while (blocks.empty() || reinterpret_cast<uintptr_t>(blocks.back()) < past)
      blocks.push_back(std::malloc(96 * 1024));
    bool late_huge =
        MappingHolding(reinterpret_cast<uintptr_t>(blocks.back())).huge;
    bool early_huge = first == 0 || MappingHolding(first).huge;
    std::_Exit(late_huge && !early_huge ? 0 : (early_huge ? 2 : 3));
  };
  EXPECT_EXIT(child(), ::testing::ExitedWithCode(0), "");
}
#endif

}  // namespace
}  // namespace psm
