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

// Whether `code` reads `target` (`sid`, `payload.sessionId`) itself, not
// a property of that name (`cart.sid`): `sid = c ? id : sid` keeps the old
// value at times.
bool ReadsTarget(std::string_view code, std::string_view target);

// Whether `statement` writes `target` (the text of an assignment's left
// side: `payload.sessionId`, `sid`) a value on every path through it: the
// assignment itself, a block holding one with no `break` or `continue`
// before it, or an `if` whose every branch does.
bool SetsOnEveryPath(TSNode statement, std::string_view target,
                     std::string_view source);

// Whether the write `n` can leave its field without a value: `delete`,
// `&&=`, or an empty value (`= null`, `= c ? id : undefined`).
bool MayEmpty(TSNode n, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_EVERY_PATH_H_
