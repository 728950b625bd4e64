#ifndef PSM_COMMON_HEAP_TUNING_H_
#define PSM_COMMON_HEAP_TUNING_H_

namespace psm {

// Sets the C library's allocator up for the tool's load; first thing in
// main, before any thread starts. Only with glibc on Linux (elsewhere it
// does nothing). A large pad for the heap's growth (256 MiB, reserved, not
// touched until used), reserved once, up front:
// - the main thread's heap past its first 8 MiB is marked for transparent
//   huge pages, as the tree allocator does for trees: a large file's
//   payload models then fault in once per 2 MiB, not once per 4 KiB (a
//   fault costs ~10 µs in a VM); a small run stays under 8 MiB and pays
//   nothing for it. A lone file is worked on the main thread (cli/run.cc);
// - a worker's heap is made writable whole when it is created (glibc sizes
//   it with the same pad), not a few pages per mprotect() call as it grows
//   (5,500 calls for a file of 8,000 sites).
// Measured in docs/performance.md ("Huge pages for the heap").
// Left as it is where memory is budgeted (`ulimit -v`/`-d`, strict
// overcommit), or with PSM_HEAP_TUNING=off in the environment.
void TuneHeap();

// Marks for huge pages whatever the heap grew by since the last call, past
// the first 8 MiB. Cheap (no system call unless the heap grew): called
// before each file and each large tree chunk, so a heap that outgrows the
// pad is covered again soon after.
void AdviseHeapGrowth();

}  // namespace psm

#endif  // PSM_COMMON_HEAP_TUNING_H_
