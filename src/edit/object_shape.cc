#include "edit/object_shape.h"

#include <algorithm>

namespace psm {

void ObjectShapes::Add(const ObjectLiteral& object) {
  if (!object.plain || object.statements) return;
  Shape shape{object.range, static_cast<uint32_t>(members_.size()),
              static_cast<uint32_t>(object.members.size())};
  for (const Member& m : object.members) members_.push_back(m.range);
  shapes_.push_back(shape);
}

void ObjectShapes::Append(ObjectShapes&& other) {
  if (shapes_.empty()) {
    *this = std::move(other);
    return;
  }
  uint32_t offset = static_cast<uint32_t>(members_.size());
  members_.insert(members_.end(), other.members_.begin(), other.members_.end());
  for (Shape shape : other.shapes_) {
    shape.first += offset;
    shapes_.push_back(shape);
  }
  other = ObjectShapes();
}

void ObjectShapes::Seal() {
  auto before = [](const Shape& a, const Shape& b) {
    return a.range.begin < b.range.begin;
  };
  // Sites come in source order, their objects mostly too.
  if (!std::is_sorted(shapes_.begin(), shapes_.end(), before))
    std::stable_sort(shapes_.begin(), shapes_.end(), before);
  // Two sites sharing one payload keep its objects twice: no two objects
  // start at one brace.
  shapes_.erase(std::unique(shapes_.begin(), shapes_.end(),
                            [](const Shape& a, const Shape& b) {
                              return a.range.begin == b.range.begin;
                            }),
                shapes_.end());
}

int ObjectShapes::Innermost(ByteRange range) const {
  // Objects that start before `range`, nearest first: the first that also
  // ends after it is the innermost (objects nest or lie apart). Siblings
  // that ended before it are passed over, a few of them at most.
  constexpr int kLooks = 64;
  auto after = std::lower_bound(
      shapes_.begin(), shapes_.end(), range.begin,
      [](const Shape& s, uint32_t offset) { return s.range.begin < offset; });
  int looks = 0;
  for (auto it = after; it != shapes_.begin() && looks < kLooks; ++looks) {
    --it;
    if (range.end < it->range.end) {
      return static_cast<int>(it - shapes_.begin());
    }
  }
  return -1;
}

}  // namespace psm
