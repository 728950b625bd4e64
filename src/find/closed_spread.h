#ifndef PSM_FIND_CLOSED_SPREAD_H_
#define PSM_FIND_CLOSED_SPREAD_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// The own keys a spread `...base` brings into a payload, when the tool can
// know them: `base` is a `const` of this file (or a `var`/`let` never
// written again) whose value is an object literal of plain `key: value` and
// shorthand members (neither `type` nor `sessionId` among them), declared in a module or a function (not a global of a
// classic script, which other scripts may change), not exported, and
// otherwise only spread or read by member (`base.owner`, never written
// through, called through, handed on or aliased). Then `{ ...base, type,
// sessionId }` holding none of a method's removed fields is finished, not
// a payload whose spread "may carry" them.
//
// Returns "\n" followed by each key and "\n" (see Member::set_spread_keys),
// or "" when the keys cannot be known.
std::string ClosedSpreadKeys(TSNode spread_element, std::string_view source);

// The own keys a value written into a payload (`payload.payPal = value`)
// brings along, in the same "\n"-framed form: "\n" for a literal string,
// number, boolean or null (none), the keys of an object literal of plain
// members; "" when they cannot be known.
std::string WrittenKeys(TSNode value, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_CLOSED_SPREAD_H_
