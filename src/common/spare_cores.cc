#include "common/spare_cores.h"

#include <atomic>

namespace psm {
namespace {

// Idle cores and the leases out on them, apart: a lease may outlive the
// run that set the count (a tree freed aside, syntax/tree_release.h), and
// then holds a core of the next run's count, not one more.
std::atomic<unsigned> g_idle{0};
std::atomic<unsigned> g_out{0};
std::atomic<uint64_t> g_lent{0};

}  // namespace

void SpareCores::Set(unsigned n) { g_idle.store(n); }

SpareCores::Lease SpareCores::Borrow() {
  unsigned out = g_out.load();
  while (out < g_idle.load()) {
    if (g_out.compare_exchange_weak(out, out + 1)) {
      g_lent.fetch_add(1);
      return Lease(true);
    }
  }
  return Lease(false);
}

uint64_t SpareCores::Lent() { return g_lent.load(); }

SpareCores::Lease::~Lease() {
  if (held_) g_out.fetch_sub(1);
}

}  // namespace psm
