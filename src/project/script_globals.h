#ifndef PSM_PROJECT_SCRIPT_GLOBALS_H_
#define PSM_PROJECT_SCRIPT_GLOBALS_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// The value a classic script page gives the global `name` at its top
// level: `function name() {}` or `var name = ...` in a script that is not
// an ES module, or `window.name = ...` (also `self.`, `globalThis.`) in any
// file. Null when the file does not define it.
TSNode GlobalDefinition(TSNode root, std::string_view source,
                        std::string_view name);

}  // namespace psm

#endif  // PSM_PROJECT_SCRIPT_GLOBALS_H_
