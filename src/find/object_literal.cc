#include "find/object_literal.h"

namespace psm {

bool Member::OpaqueMayCarry(std::string_view key) const {
  if (kind == Kind::kComputed) return this->key.empty();
  if (kind != Kind::kSpread || !covered().empty()) return false;
  const std::string& known = Note(&Notes::spread_keys);
  if (known.empty()) return true;
  std::string wanted = "\n" + std::string(key) + "\n";
  return known.find(wanted) != std::string::npos;
}

bool Member::SurelyCarries(std::string_view key) const {
  if (kind != Kind::kSpread || !covered().empty()) return false;
  const std::string& known = Note(&Notes::spread_keys);
  return known.find("\n" + std::string(key) + "\n") != std::string::npos;
}

const Member* ObjectLiteral::Find(std::string_view key) const {
  // JavaScript keeps the last of duplicate keys: `{type: 'a', type: 'b'}`
  // is a `b` payload.
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    if (!key.empty() && it->key == key) return &*it;
  }
  return nullptr;
}

}  // namespace psm
