#ifndef PSM_FIND_SCOPE_INL_H_
#define PSM_FIND_SCOPE_INL_H_

// Template bodies for scope.h.

#include "common/step_counter.h"
#include "syntax/node.h"

namespace psm {

template <typename Visit>
void ForEachDescendant(TSNode root, bool into_functions, Visit&& visit) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  if (!ts_tree_cursor_goto_first_child(&cursor)) {
    ts_tree_cursor_delete(&cursor);
    return;
  }
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    CountSteps(1);  // a walk per call site made files quadratic (issue 14)
    visit(n);
    bool descend = into_functions || !node::IsFunction(n);
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
      if (ts_node_eq(ts_tree_cursor_current_node(&cursor), root)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
}

}  // namespace psm

#endif  // PSM_FIND_SCOPE_INL_H_
