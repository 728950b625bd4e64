#ifndef PSM_FIND_EFFECTS_H_
#define PSM_FIND_EFFECTS_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// Why evaluating the expression `n` may do something besides producing a
// value, e.g. "`cart.lockTotal()` is a call"; empty when it cannot: no
// call (tagged templates included), `new`, assignment, update, `delete`,
// `await`, `yield`, nor a read of a property the file defines a getter for.
// Calls of the language's own pure methods (`lines.map(toItem)`,
// `total.toFixed(2)`) are no effect when their receiver, arguments and the
// callbacks they run (inline, or functions of the file) have none.
// Functions written inside `n` are only created, not run. Removing a value
// with an effect, or the statement holding it, would remove the effect.
std::string SideEffectOf(TSNode n, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_EFFECTS_H_
