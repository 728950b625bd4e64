#ifndef PSM_CLI_VERSION_TEXT_H_
#define PSM_CLI_VERSION_TEXT_H_

#include <string>

namespace psm {

// What --version prints: the tool's version, then the rule table, the
// grammars and the tree-sitter runtime compiled in, and which build runs
// (native, or WebAssembly with what it cannot do), so a bug report names
// everything that decides an output.
std::string VersionText();

}  // namespace psm

#endif  // PSM_CLI_VERSION_TEXT_H_
