#ifndef PSM_FIND_SCRIPT_KIND_H_
#define PSM_FIND_SCRIPT_KIND_H_

#include <tree_sitter/api.h>

#include <string_view>

namespace psm {

// Whether the file is a classic script: no `import` or `export` statement
// and no sign of CommonJS (`require('...')`, `module.exports`,
// `exports.x`). Its top-level `var`, `let`, `const`, functions and classes
// are then globals of the page, shared with every other script on it.
// A file that merely looks like a module is taken for one: the answer
// only decides whether other files are searched for readers.
bool IsClassicScript(TSNode root, std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_SCRIPT_KIND_H_
