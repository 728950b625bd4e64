#ifndef PSM_FIND_MERGERS_H_
#define PSM_FIND_MERGERS_H_

#include <string_view>

namespace psm {

// True for functions that copy properties into their first (object)
// argument: Object.assign, $.extend, _.merge, ...
bool IsMerger(std::string_view callee);

}  // namespace psm

#endif  // PSM_FIND_MERGERS_H_
