#ifndef PSM_FIND_MUTATIONS_H_
#define PSM_FIND_MUTATIONS_H_

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "find/call_site.h"

namespace psm {

// Statements inside `scope` that change the object held by variable `name`
// after its literal: `name.a.b = x`, `name['a'] = x`, `name.items.push(x)`,
// `Object.assign(name, ...)`, `$.extend(name, ...)`.
std::vector<PayloadMutation> FindMutations(std::string_view name, TSNode scope,
                                           std::string_view source);

// True for functions that copy properties into their first argument:
// Object.assign, $.extend, _.merge, ...
bool IsMerger(std::string_view callee);

}  // namespace psm

#endif  // PSM_FIND_MUTATIONS_H_
