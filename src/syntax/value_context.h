#ifndef PSM_SYNTAX_VALUE_CONTEXT_H_
#define PSM_SYNTAX_VALUE_CONTEXT_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>

#include "syntax/expression_probe.h"

namespace psm {

// Which keyword of `needs` the code at byte `at` of the script `root` does
// not allow: "await" unless the innermost function around it is async (or
// it is at the top level of a module, one that imports or exports),
// "yield" unless that function is a generator; "" when it allows all.
// Function parameters, class fields and static blocks allow neither.
std::string_view Disallowed(TSNode root, uint32_t at, ExpressionNeeds needs);

}  // namespace psm

#endif  // PSM_SYNTAX_VALUE_CONTEXT_H_
