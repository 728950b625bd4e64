#include "syntax/template_islands.h"

#include "syntax/island_syntax.h"

namespace psm {

ByteRange CodeIslandIn(std::string_view text, ByteRange range,
                       IslandKinds kinds) {
  uint32_t end =
      std::min<uint32_t>(range.end, static_cast<uint32_t>(text.size()));
  for (uint32_t i = range.begin; i < end;) {
    uint32_t past = SkipIsland(text, i, kinds);
    if (past == i) {
      ++i;
      continue;
    }
    if (past > end || !PrintsOneValue(text.substr(i, past - i), kinds))
      return {i, past};
    i = past;
  }
  return {};
}

}  // namespace psm
