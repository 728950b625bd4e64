#include "cli/run.h"
#include "common/heap_tuning.h"
#include "syntax/tree_allocator.h"

int main(int argc, char** argv) {
  psm::TuneHeap();
  psm::InstallTreeAllocator();
  return psm::RunCli(argc, argv);
}
