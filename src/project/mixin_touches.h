// What a Magento RequireJS mixin may do to one member of the object it is
// handed. A mixin is `return function (target) { ...; return target; }`:
// Magento calls it with the module's value and loads what it returns in
// its place, so it may wrap any member, by name or not.
#ifndef PSM_PROJECT_MIXIN_TOUCHES_H_
#define PSM_PROJECT_MIXIN_TOUCHES_H_

#include <string>
#include <string_view>

#include "syntax/tree.h"

namespace psm {

// Why a mixin whose module gives `module_value` (its AMD value, the
// function Magento calls; null when the tool cannot find it) and whose
// text is `text` may replace or wrap `member` of its target ("names
// createSource", "hands it on (`...`)"); "" when it only reads or sets
// other members by name and returns the target, or does not take it.
std::string MixinTouches(TSNode module_value, std::string_view text,
                         std::string_view member);

}  // namespace psm

#endif  // PSM_PROJECT_MIXIN_TOUCHES_H_
