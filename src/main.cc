#include "cli/run.h"
#include "syntax/tree_allocator.h"

int main(int argc, char** argv) {
  psm::InstallTreeAllocator();
  return psm::RunCli(argc, argv);
}
