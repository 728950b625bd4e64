#include "find/object_literal.h"

namespace psm {

const Member* ObjectLiteral::Find(std::string_view key) const {
  for (const Member& member : members) {
    if (!key.empty() && member.key == key) return &member;
  }
  return nullptr;
}

}  // namespace psm
