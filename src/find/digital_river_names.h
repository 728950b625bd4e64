#ifndef PSM_FIND_DIGITAL_RIVER_NAMES_H_
#define PSM_FIND_DIGITAL_RIVER_NAMES_H_

#include <string_view>

namespace psm {

// Whether `text` (an expression, a class or a package name) is named after
// DigitalRiver.js: one of its words (split at dots, `_`, `$` and camel
// case, ignoring case) is `dr` or `drjs`, or its letters spell
// `digitalriver` (`dr`, `this.drjs`, `window.DR`, `DRPay`, `drService`,
// `this.digital_river`, `@digital-river/js-loader`).
bool NamedAfterDigitalRiver(std::string_view text);

}  // namespace psm

#endif  // PSM_FIND_DIGITAL_RIVER_NAMES_H_
