#ifndef PSM_FIND_METHOD_SCAN_H_
#define PSM_FIND_METHOD_SCAN_H_

#include <string_view>

namespace psm {

// True when `text` may call method `name` on some object: an occurrence of
// `name` as a whole identifier right after a `.` (blanks and line breaks
// allowed between). A byte scan, far cheaper than parsing, that keeps look-
// alikes such as `createSourceFile` or a bare `createSource(` definition
// from being parsed at all.
bool MayCallMethod(std::string_view text, std::string_view name);

}  // namespace psm

#endif  // PSM_FIND_METHOD_SCAN_H_
