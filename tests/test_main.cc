// The tests run with the heap tuned and tree-sitter on the tool's own
// allocator, as the tool does (src/main.cc): both must be in place before
// any thread or parser exists.
#include <gtest/gtest.h>

#include "common/heap_tuning.h"
#include "syntax/tree_allocator.h"

int main(int argc, char** argv) {
  psm::TuneHeap();
  psm::InstallTreeAllocator();
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
