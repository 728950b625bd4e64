#include "edit/offset_map.h"

#include <algorithm>

#include "common/step_counter.h"

namespace psm {

OffsetMap::OffsetMap(const EditSet& edits) : edits_(edits.edits()) {
  growth_.reserve(edits_.size() + 1);
  int64_t growth = 0;
  growth_.push_back(0);
  for (const Edit& e : edits_) {
    growth += static_cast<int64_t>(e.text.size()) - e.range.size();
    growth_.push_back(growth);
  }
}

uint32_t OffsetMap::Map(uint32_t offset, bool after_insertions) const {
  // Non-overlapping edits sorted by start have ascending ends, and an
  // insertion at `offset` sorts after a replacement ending there, so the
  // edits that end at or before `offset` form a prefix.
  auto counted =
      std::partition_point(edits_.begin(), edits_.end(), [&](const Edit& e) {
        if (e.range.end > offset) return false;
        return after_insertions || !e.range.empty() || e.range.begin != offset;
      });
  CountSteps(1);
  int64_t growth = growth_[counted - edits_.begin()];
  return static_cast<uint32_t>(static_cast<int64_t>(offset) + growth);
}

}  // namespace psm
