#ifndef PSM_FIND_DYNAMIC_SCOPE_H_
#define PSM_FIND_DYNAMIC_SCOPE_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// Why the names read at `at` cannot be resolved from the text: a `with`
// statement whose body holds it (`with (this) { ... { type: T } }` reads
// `this.T` when there is one), or a direct `eval` in a function around it
// or at the top level of the script (`eval(code)` may declare any `var`
// there). "" when neither. The payload's type, and what its removed
// values read, may then be other than they look.
std::string DynamicScopeAround(TSNode at, TSNode root, std::string_view source);

// Whether the file may hold either at all (a `with (` or a direct `eval`
// call), known once per file: most hold neither, and their sites skip
// the climb to the root.
bool MayHaveDynamicScope(TSNode root, std::string_view source);

// Whether the text may hold a `with` statement: the word `with` followed by
// `(`, with spaces or comments between (`with/* scope */(o)`), read from
// the text; it can only err towards yes.
bool MayHoldWithStatement(std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_DYNAMIC_SCOPE_H_
