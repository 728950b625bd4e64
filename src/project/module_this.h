#ifndef PSM_PROJECT_MODULE_THIS_H_
#define PSM_PROJECT_MODULE_THIS_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace psm {

// The line of a write to a CommonJS module's exports through its `this`
// (at a module's top level, and in its arrow functions, `this ===
// module.exports`): `this.build = wire`, `this['build'] = ...`,
// `this[name] = ...`, `Object.assign(this, {...})`, an alias (`const self
// = this`).
struct ThisWrite {
  uint32_t line = 0;
  std::string key;  // "" when it may be any
};

// Every such write of the module, found once per module (ExportIndex).
// None when `source` names no `exports` (an ES module's top-level `this`
// is undefined, a classic script's the window).
std::vector<ThisWrite> ModuleThisWrites(TSNode root, std::string_view source);

// The line of the first of `writes` that may replace `exported` (any
// name for "default", the module object an ES import of it gets); 0 when
// none.
uint32_t ThisWriteOf(const std::vector<ThisWrite>& writes,
                     std::string_view exported);

}  // namespace psm

#endif  // PSM_PROJECT_MODULE_THIS_H_
