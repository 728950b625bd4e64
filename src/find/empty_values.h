#ifndef PSM_FIND_EMPTY_VALUES_H_
#define PSM_FIND_EMPTY_VALUES_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// `undefined`, `null`, `void 0`, `false`, an empty string: no value at all.
bool IsEmptyValue(TSNode value, std::string_view source);

// Whether `value` is empty on some paths: a conditional with an empty
// branch (`useSessions ? id : undefined`), `id || null`, `id ?? ''`,
// `session && session.id` (the left side when it is falsy), or an
// optional chain (`cart?.session?.id`). Asked of a
// `sessionId`: one the payload has only at times leaves the other paths
// with neither it nor the legacy fields.
bool EmptyAtTimes(TSNode value, std::string_view source);

// Whether the variable `identifier` names (a `sessionId` member's value,
// or its shorthand) is empty on some paths where it is read: declared with
// or given such a value (`const sid = on ? id : undefined`), or declared
// without one and set only under a condition (`let sid; if (on) sid = id;`).
// A parameter counts only when the function or its default empties it.
// Followed through a few variables (`const b = a`).
bool VariableEmptyAtTimes(TSNode identifier, std::string_view source);

// Any of the above: `value` (parentheses and TypeScript's `!`, `as`,
// `<T>`, `satisfies` looked through) may be empty where it is read.
bool MayBeEmpty(TSNode value, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_EMPTY_VALUES_H_
