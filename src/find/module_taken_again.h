#ifndef PSM_FIND_MODULE_TAKEN_AGAIN_H_
#define PSM_FIND_MODULE_TAKEN_AGAIN_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// When the file takes the builder `name` (an export, or "*" with `member`
// for the module as a whole) of module `specifier` more than once — a
// second import of it (`import { build as summary }`), of the whole module
// (`import * as all`, `const again = require('./a')`, `import('./a')`), or
// `require('./a').build` in place —, the project model, which follows the
// one the call uses and looks only at other files, does not see the other:
// what it gets is the same builder, and may read every field of what it
// returns. Why, naming the line; "" when the file takes it once.
std::string ModuleTakenAgain(TSNode root, std::string_view source,
                             std::string_view specifier,
                             std::string_view name);

}  // namespace psm

#endif  // PSM_FIND_MODULE_TAKEN_AGAIN_H_
