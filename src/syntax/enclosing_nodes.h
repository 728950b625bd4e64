#ifndef PSM_SYNTAX_ENCLOSING_NODES_H_
#define PSM_SYNTAX_ENCLOSING_NODES_H_

#include <tree_sitter/api.h>

#include <vector>

#include "common/byte_range.h"

namespace psm {

// The innermost node of a tree that holds a byte range strictly inside it
// (starts before the range and ends after it), asked for range after range.
//
// Ranges asked in source order cost a walk on from the last answer, not a
// descent from the root: the edits of one call share its statement, and the
// next call's statement is found a few siblings on (issue 14: a descent
// from the root through thousands of statements was most of the cost of
// the safety net's proof). Ranges in any other order get the same answers,
// found by a descent from the deepest node that holds them.
class EnclosingNodes {
 public:
  // `root` must not be null; its tree must outlive this object.
  explicit EnclosingNodes(TSNode root);
  ~EnclosingNodes();
  EnclosingNodes(const EnclosingNodes&) = delete;
  EnclosingNodes& operator=(const EnclosingNodes&) = delete;

  // The root when no node below it holds `range` strictly.
  TSNode Of(ByteRange range);

 private:
  TSNode Current() const;
  // Moves the cursor over siblings that end at or before `offset`, at most
  // `limit` of them; false when it ran out of siblings or of the limit.
  bool SkipEndingBy(uint32_t offset, size_t limit);
  // Climbs back to the deepest node of the last path that holds `range`;
  // true when the cursor was left on the child of it the path went
  // through and the range cannot lie in an earlier child.
  bool ClimbTo(ByteRange range);

  TSTreeCursor cursor_;       // at path_.back() between calls
  std::vector<TSNode> path_;  // from the root down to the last answer
};

}  // namespace psm

#endif  // PSM_SYNTAX_ENCLOSING_NODES_H_
