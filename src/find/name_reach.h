#ifndef PSM_FIND_NAME_REACH_H_
#define PSM_FIND_NAME_REACH_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>

namespace psm {

// The line of a declaration of `name` in `use`'s file when the file
// declares it (`var`, `let`, `const`, a function, class or import, also
// destructured) but none of those declarations can be seen from `use`;
// 0 when one can, or when the file declares no such name (a global of the
// page). A read there throws a ReferenceError today, unless the page has a
// global of that name. Parameters do not count as declarations here (see
// ReachOf). Answers are remembered per file and name while an IndexedTree
// is alive.
uint32_t LineDeclaredOutOfReach(TSNode use, std::string_view name,
                                std::string_view source);

// The line of a `let`, `const` or `class` declaration of `name` whose
// temporal dead zone `use` is in: the declaration's block holds `use`, it
// comes after `use`, and no function lies between them (a read inside a
// function written before the declaration runs later). 0 otherwise. The
// read throws a ReferenceError. Remembered with LineDeclaredOutOfReach.
uint32_t LineInDeadZone(TSNode use, std::string_view name,
                        std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_NAME_REACH_H_
