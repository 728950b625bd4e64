#ifndef PSM_EDIT_OFFSET_MAP_H_
#define PSM_EDIT_OFFSET_MAP_H_

#include <cstdint>
#include <vector>

#include "edit/edit.h"

namespace psm {

// Where offsets of a text land once an EditSet is applied to it. Built once
// per file and asked once per site (for its excerpt): a binary search over
// the edits' accumulated growth, where walking the edits for every site
// made a file of N sites cost O(N^2) (issue 14).
class OffsetMap {
 public:
  // `edits` must outlive the map and stay unchanged.
  explicit OffsetMap(const EditSet& edits);

  // The offset in the edited text; text inserted exactly at `offset` counts
  // as before it when `after_insertions`.
  uint32_t Map(uint32_t offset, bool after_insertions) const;

 private:
  const std::vector<Edit>& edits_;
  std::vector<int64_t> growth_;  // [i]: size change made by edits before i
};

}  // namespace psm

#endif  // PSM_EDIT_OFFSET_MAP_H_
