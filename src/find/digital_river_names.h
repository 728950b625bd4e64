#ifndef PSM_FIND_DIGITAL_RIVER_NAMES_H_
#define PSM_FIND_DIGITAL_RIVER_NAMES_H_

#include <string_view>

namespace psm {

// Whether the receiver expression `text` is named after DigitalRiver.js:
// one of its words (split at dots, `_`, `$` and camel case, ignoring case)
// is `dr` or `drjs`, or it spells `digitalriver` (`dr`, `this.drjs`,
// `window.DR`, `drService`, `this.digitalRiver`). Legacy pages keep the
// instance under such names in globals and fields the tool cannot trace.
bool NamedAfterDigitalRiver(std::string_view text);

}  // namespace psm

#endif  // PSM_FIND_DIGITAL_RIVER_NAMES_H_
