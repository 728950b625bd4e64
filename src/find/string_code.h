#ifndef PSM_FIND_STRING_CODE_H_
#define PSM_FIND_STRING_CODE_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// Where the top-level `name` of a classic script (a global of the page) is
// named inside a string of the same file
// (`setTimeout("track(payload.amount)")`,
// `'<a onclick="show(payload)">'`, `new Function('return payload')`):
// code the page may run in its global scope, where it reads the global.
// "" when nowhere, or when the file is a module (its top level is not the
// page's); else a reason for a whole-payload observer.
// With `only_evaluated_names`, a string that is just the name counts only
// when it is run (`eval('payload')`, `setTimeout('payload.x()')`): another
// script's `log('payload')` says too little to call it a reader.
std::string GlobalNamedInString(std::string_view name, TSNode root,
                                std::string_view source,
                                bool only_evaluated_names = false);

}  // namespace psm

#endif  // PSM_FIND_STRING_CODE_H_
