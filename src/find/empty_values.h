#ifndef PSM_FIND_EMPTY_VALUES_H_
#define PSM_FIND_EMPTY_VALUES_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// `undefined`, `null`, `void 0`, `false`, an empty string: no value at all.
bool IsEmptyValue(TSNode value, std::string_view source);

// Whether `value` is empty on some paths by its own shape: a conditional
// with an empty branch (`useSessions ? id : undefined`), `id || null`,
// `id ?? ''`, `session && session.id` (the left side when it is falsy), or
// an optional chain (`cart?.session?.id`). Asked of a `sessionId`: one the
// payload has only at times leaves the other paths with neither it nor the
// legacy fields.
bool EmptyAtTimes(TSNode value, std::string_view source);

// Whether `value` may be empty where it is read: the above, also through
// what it names (find/empty_bindings.cc): a variable given or set to such
// a value, declared without one and set only under a condition, emptied
// later (`= undefined`, `&&=`, a destructuring write), a parameter the
// function empties or whose default is empty, a `var` declared under an
// `if`; a call of a function or method of the file that returns nothing
// or an empty value on some path. Parentheses and TypeScript's `!`, `as`,
// `<T>`, `satisfies` are looked through; a guard before the read (`if
// (!sid) return;`) or around it (`if (sid) {...}`) makes it non-empty.
// `hops`: names followed so far (a few at most; a tangle too large to
// follow counts as may be empty).
bool MayBeEmpty(TSNode value, std::string_view source, int hops = 0);

// MayBeEmpty of the variable `identifier` names.
bool VariableEmptyAtTimes(TSNode identifier, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_EMPTY_VALUES_H_
