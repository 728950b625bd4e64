#ifndef PSM_EDIT_OBJECT_SHAPE_H_
#define PSM_EDIT_OBJECT_SHAPE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "common/byte_range.h"
#include "find/object_literal.h"

namespace psm {

// Where the members of the object literals a file's edits lie in stand, as
// the planner saw them, kept after the payload models are gone: the safety
// net proves edits against them without walking the tree again
// (migrate/kept_syntax.h; issue 14: finding each edit's object and reading
// its children was 7.6% of a file of 8,000 sites). What lies between two
// members (blanks, a comma, comments) is read again from the text by the
// proof. Only `plain` objects are kept. Flat, so that thousands of objects
// cost two allocations.
class ObjectShapes {
 public:
  struct Shape {
    ByteRange range;  // `{` to `}` inclusive
    uint32_t first = 0;
    uint32_t count = 0;
  };

  // Keeps where `object`'s members are, unless it is not plain.
  void Add(const ObjectLiteral& object);
  void Append(ObjectShapes&& other);
  // Sorts the shapes by where they start, each object once: Innermost
  // needs it.
  void Seal();

  // The index of the innermost object whose braces hold `range` strictly
  // inside, or -1 when none is known (or it lies too many objects away).
  // After Seal().
  int Innermost(ByteRange range) const;
  const Shape& shape(int index) const { return shapes_[index]; }
  // The shape's members, in source order.
  std::span<const ByteRange> MembersOf(const Shape& shape) const {
    return std::span<const ByteRange>(members_).subspan(shape.first,
                                                        shape.count);
  }
  bool empty() const { return shapes_.empty(); }

 private:
  std::vector<Shape> shapes_;
  std::vector<ByteRange> members_;
};

}  // namespace psm

#endif  // PSM_EDIT_OBJECT_SHAPE_H_
