#ifndef PSM_SYNTAX_TREE_RELEASE_H_
#define PSM_SYNTAX_TREE_RELEASE_H_

#include <cstddef>
#include <cstdint>

#include "syntax/tree.h"

namespace psm {

// Ends `tree`, which nothing reads any more. A large file's tree (hundreds
// of thousands of nodes, each freed on its own) is freed on a spare core
// (common/spare_cores.h) while this thread goes on with the file's
// results: freeing the tree of a file of 8,000 call sites took a fifteenth
// of the tool's time (docs/performance.md). If the run ends first, the
// process ends without waiting for it: what it would free goes back to the
// system with the process, as a compiler's memory does. Anything else is
// freed here and now. A tree freed aside lands on that thread's lists, not
// this one's: its memory is not used again. Cores are spare only in a run
// of fewer files than --jobs, so that is bounded by the trees of those few
// files.
void ReleaseTree(Tree tree);

// Trees at least this long (in bytes of text) are worth a thread.
inline constexpr size_t kTreeWorthReleasingAside = 256 * 1024;

// Trees ReleaseTree handed to another core since the program started
// (tests).
uint64_t TreesReleasedAside();

}  // namespace psm

#endif  // PSM_SYNTAX_TREE_RELEASE_H_
