#ifndef PSM_PROJECT_ABSOLUTE_PATH_H_
#define PSM_PROJECT_ABSOLUTE_PATH_H_

#include <string>

namespace psm {

// The absolute, normalised form of `path`, without a trailing slash.
std::string AbsolutePath(const std::string& path);

}  // namespace psm

#endif  // PSM_PROJECT_ABSOLUTE_PATH_H_
