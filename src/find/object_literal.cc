#include "find/object_literal.h"

namespace psm {

const Member* ObjectLiteral::Find(std::string_view key) const {
  // JavaScript keeps the last of duplicate keys: `{type: 'a', type: 'b'}`
  // is a `b` payload.
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    if (!key.empty() && it->key == key) return &*it;
  }
  return nullptr;
}

}  // namespace psm
