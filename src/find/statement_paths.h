#ifndef PSM_FIND_STATEMENT_PATHS_H_
#define PSM_FIND_STATEMENT_PATHS_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// What one statement does on every path through it, asked when judging
// whether a payload's sessionId is there on every path.

// Whether every path through `statement` leaves by `return` or `throw`
// (a block ending in one, an `if`/`else`, `try` and `catch` both doing so):
// nothing after it runs.
bool AlwaysLeaves(TSNode statement);

// Whether `statement` holds a `break` or `continue` (not inside a nested
// function): a write after it in its block may be skipped on the way on.
bool ContainsJump(TSNode statement);

// Whether `value` may keep what `target` held before: `sid = c ? id : sid`,
// `p.sessionId = p.sessionId || id`. (`sid = sid.trim()` does not.)
bool KeepsOld(TSNode value, std::string_view target, std::string_view source);

// Whether `statement` writes `target` (the text of an assignment's left
// side: `payload.sessionId`, `sid`) a value on every path through it that
// goes on past it: the assignment itself; a block holding one with no
// jump before it; an `if` whose every branch does (or leaves); a `switch`
// with a `default` whose every clause does (or leaves, or falls through
// to one that does); a `try` whose block does and whose `catch` does or
// leaves, or whose `finally` does. `hops`: variables followed so far to
// judge the value (MayBeEmpty).
bool SetsOnEveryPath(TSNode statement, std::string_view target,
                     std::string_view source, int hops = 0);

}  // namespace psm

#endif  // PSM_FIND_STATEMENT_PATHS_H_
