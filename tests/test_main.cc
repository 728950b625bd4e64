// The tests run with tree-sitter on the tool's own allocator, as the tool
// does (src/main.cc): it must be in place before any parser exists.
#include <gtest/gtest.h>

#include "syntax/tree_allocator.h"

int main(int argc, char** argv) {
  psm::InstallTreeAllocator();
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
