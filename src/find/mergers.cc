#include "find/mergers.h"

#include <array>

namespace psm {

bool IsMerger(std::string_view callee) {
  static constexpr std::array<std::string_view, 10> kMergers = {
      "Object.assign", "$.extend",
      "jQuery.extend", "_.assign",
      "_.extend",      "_.merge",
      "_.defaults",    "angular.extend",
      "_.set",         "Object.defineProperty"};
  for (std::string_view m : kMergers) {
    if (callee == m) return true;
  }
  return false;
}

}  // namespace psm
