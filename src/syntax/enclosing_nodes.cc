#include "syntax/enclosing_nodes.h"

#include <limits>

namespace psm {
namespace {

// Siblings walked from the last answer before a descent from the node
// that holds both is cheaper: a step costs about a tenth of a descent
// through the balanced children of a long statement list.
constexpr size_t kMaxSiblingsWalked = 8;

bool StrictlyHolds(TSNode node, ByteRange range) {
  return ts_node_start_byte(node) < range.begin &&
         range.end < ts_node_end_byte(node);
}

}  // namespace

EnclosingNodes::EnclosingNodes(TSNode root)
    : cursor_(ts_tree_cursor_new(root)), path_{root} {}

EnclosingNodes::~EnclosingNodes() { ts_tree_cursor_delete(&cursor_); }

TSNode EnclosingNodes::Current() const {
  return ts_tree_cursor_current_node(&cursor_);
}

bool EnclosingNodes::SkipEndingBy(uint32_t offset, size_t limit) {
  for (size_t walked = 0; ts_node_end_byte(Current()) <= offset; ++walked) {
    if (walked == limit || !ts_tree_cursor_goto_next_sibling(&cursor_))
      return false;
  }
  return true;
}

bool EnclosingNodes::ClimbTo(ByteRange range) {
  size_t holder = path_.size() - 1;  // the root stays, holding or not
  while (holder > 0 && !StrictlyHolds(path_[holder], range)) --holder;
  if (holder + 1 == path_.size()) return false;
  // The cursor's visible ancestors are the path: one step up each.
  for (size_t up = path_.size() - holder - 2; up > 0; --up)
    ts_tree_cursor_goto_parent(&cursor_);
  path_.resize(holder + 1);
  // Children before the one the path went through end where it starts,
  // so none holds a range that starts no earlier.
  if (ts_node_start_byte(Current()) <= range.begin &&
      SkipEndingBy(range.begin, kMaxSiblingsWalked)) {
    return true;
  }
  ts_tree_cursor_goto_parent(&cursor_);
  return false;
}

TSNode EnclosingNodes::Of(ByteRange range) {
  constexpr size_t kAll = std::numeric_limits<size_t>::max();
  bool on_child = ClimbTo(range);
  for (;;) {
    // The first child that ends after the range starts is the only one
    // that can hold it: children do not overlap.
    if (!on_child) {
      if (ts_tree_cursor_goto_first_child_for_byte(&cursor_, range.begin) < 0)
        return path_.back();
      on_child = SkipEndingBy(range.begin, kAll);
    }
    TSNode child = Current();
    if (!on_child || !StrictlyHolds(child, range)) {
      ts_tree_cursor_goto_parent(&cursor_);
      return path_.back();
    }
    path_.push_back(child);
    on_child = false;
  }
}

}  // namespace psm
