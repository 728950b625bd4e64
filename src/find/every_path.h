#ifndef PSM_FIND_EVERY_PATH_H_
#define PSM_FIND_EVERY_PATH_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

namespace psm {

// Whether the write `n` of a payload field (`p.sessionId = id`, or a call
// that writes it) runs, with a value, before the payload leaves at every
// one of `exits` (where it is handed on: the call's argument, a builder's
// `return`). A write in one branch of an `if` counts when every other
// branch writes the same target too (`if (a) p.sessionId = x; else
// p.sessionId = y;`). A sessionId set so is on every path; one under an
// `if` of its own is not.
bool AlwaysBefore(TSNode n, const std::vector<TSNode>& exits,
                  std::string_view source);

// Whether the write `n` can leave its field without a value: `delete`,
// `&&=`, or an empty value (`= null`, `= c ? id : undefined`).
bool MayEmpty(TSNode n, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_EVERY_PATH_H_
