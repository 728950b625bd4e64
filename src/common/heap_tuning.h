#ifndef PSM_COMMON_HEAP_TUNING_H_
#define PSM_COMMON_HEAP_TUNING_H_

namespace psm {

// Sets the C library's allocator up for the tool's load; first thing in
// main, before any thread starts. Only with glibc on Linux (elsewhere it
// does nothing): a large pad for the heap's growth (M_TOP_PAD 256 MiB,
// reserved, not touched until used), so that
// - a worker's heap is made writable whole when it is created (glibc sizes
//   it with the same pad), not a few pages per mprotect() call as it grows
//   (5,500 calls for a file of 8,000 sites);
// - the main heap grows and shrinks in few brk() calls.
// The heap is not marked for transparent huge pages: in a VM that hands
// freed memory back to its host (free page reporting) each 2 MiB fault is
// paid again on the host, and it cost a 6 MB file 0.5-1.6 s of system time
// (docs/performance.md, "Huge pages for the heap, undone"). Trees keep
// theirs (syntax/tree_allocator.cc), where it measured neutral to better.
// Left as it is where memory is budgeted (`ulimit -v`/`-d`, strict
// overcommit), or with PSM_HEAP_TUNING=off in the environment.
void TuneHeap();

}  // namespace psm

#endif  // PSM_COMMON_HEAP_TUNING_H_
