#include "syntax/tree_release.h"

#include <atomic>
#include <system_error>
#include <thread>
#include <utility>

#include "common/platform.h"
#include "common/spare_cores.h"
#include "syntax/node.h"

namespace psm {
namespace {

std::atomic<uint64_t> g_released_aside{0};

bool WorthAThread(const Tree& tree) {
  return tree.ok() && ts_node_end_byte(tree.Root()) >= kTreeWorthReleasingAside;
}

}  // namespace

void ReleaseTree(Tree tree) {
  if constexpr (kHasThreads) {
    if (!WorthAThread(tree)) return;  // freed here, as `tree` ends
    SpareCores::Lease lease = SpareCores::Borrow();
    if (!lease) return;
    // Paths remembered into it are forgotten before another tree can
    // take its addresses (its blocks are freed on the other thread, onto
    // that thread's lists: this one never sees them again either).
    node::ForgetPaths();
    try {
      std::thread([lease = std::move(lease), tree = std::move(tree)]() mutable {
        tree = Tree();
      }).detach();
      g_released_aside.fetch_add(1);
    } catch (const std::system_error&) {
      // No thread to be had: `tree`, if not moved, is freed here.
    }
  }
}

uint64_t TreesReleasedAside() { return g_released_aside.load(); }

}  // namespace psm
