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
// The heap is not marked for transparent huge pages up front (see
// PreferHugePagesOnThisThread). Left as it is where memory is budgeted
// (`ulimit -v`/`-d`, strict overcommit), or with PSM_HEAP_TUNING=off in
// the environment.
void TuneHeap();

// Marks the heap the calling thread allocates from for transparent huge
// pages: the main heap past its first 8 MiB, or the thread's arena. Called
// by the job of a large file (cli/file_job.cc), whose payload models,
// plans and results then fault once per 2 MiB instead of once per 4 KiB
// (8,000 one-line sites: 9,500 -> 1,200 faults; docs/performance.md). Not
// for every run: a run of small files stays within its first pages, and
// on one VM host each 2 MiB fault was paid again by the host (free page
// reporting: "Huge pages for the heap, undone"). Nothing without the
// tuning, under a sanitizer, or off glibc/Linux.
void PreferHugePagesOnThisThread();

// Whether this thread asked for huge pages: a thread that takes over part
// of its work (common/spare_cores.h) asks the same for its own heap.
bool PrefersHugePages();

}  // namespace psm

#endif  // PSM_COMMON_HEAP_TUNING_H_
