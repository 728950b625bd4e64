#ifndef PSM_COMMON_STRINGS_H_
#define PSM_COMMON_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// "a, b, c" from {"a", "b", "c"} and ", ".
inline std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace psm

#endif  // PSM_COMMON_STRINGS_H_
