#ifndef PSM_PROJECT_RECEIVER_MAKERS_H_
#define PSM_PROJECT_RECEIVER_MAKERS_H_

#include <string>
#include <string_view>

#include <tree_sitter/api.h>

#include "project/module_paths.h"

namespace psm {

// What made a receiver that another module of the project hands out
// (Linker::Follow of a receiver request).

// `new DigitalRiver(key)` or `DigitalRiver(key)` (maybe `window.`), the
// page's global: what DigitalRiver.js hands out.
bool MadeByDigitalRiver(TSNode value, std::string_view text);

// The specifier of the package whose factory makes `value` (`createClient(
// {key})`, `sdk.connect()`, `await createClient()`) in the module at
// `module_path`, when the callee is imported from something other than a
// file of the project; "" otherwise, and for a factory handed a
// DigitalRiver (`createContext(new DigitalRiver(key))`).
std::string PackageFactory(const ModulePaths& paths,
                           const std::string& module_path, TSNode value,
                           std::string_view text);

}  // namespace psm

#endif  // PSM_PROJECT_RECEIVER_MAKERS_H_
