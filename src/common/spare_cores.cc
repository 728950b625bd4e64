#include "common/spare_cores.h"

#include <atomic>

namespace psm {
namespace {

std::atomic<unsigned> g_spare{0};
std::atomic<uint64_t> g_lent{0};

}  // namespace

void SpareCores::Set(unsigned n) { g_spare.store(n); }

SpareCores::Lease SpareCores::Borrow() {
  unsigned spare = g_spare.load();
  while (spare > 0) {
    if (g_spare.compare_exchange_weak(spare, spare - 1)) {
      g_lent.fetch_add(1);
      return Lease(true);
    }
  }
  return Lease(false);
}

uint64_t SpareCores::Lent() { return g_lent.load(); }

SpareCores::Lease::~Lease() {
  if (held_) g_spare.fetch_add(1);
}

}  // namespace psm
