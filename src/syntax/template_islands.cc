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
    if (past > end || !PrintsOneValue(text.substr(i, past - i)))
      return {i, past};
    i = past;
  }
  return {};
}

ByteRange CodeIslandNear(std::string_view text, ByteRange region, ByteRange at,
                         IslandKinds kinds) {
  auto distance = [&at](ByteRange r) -> uint32_t {
    if (r.end <= at.begin) return at.begin - r.end;
    if (r.begin >= at.end) return r.begin - at.end;
    return 0;
  };
  ByteRange nearest;
  for (uint32_t from = region.begin; from < region.end;) {
    ByteRange island = CodeIslandIn(text, {from, region.end}, kinds);
    if (island.empty()) break;
    if (nearest.empty() || distance(island) < distance(nearest))
      nearest = island;
    if (island.begin > at.end) break;  // later ones are farther still
    from = island.end;
  }
  return nearest;
}

}  // namespace psm
