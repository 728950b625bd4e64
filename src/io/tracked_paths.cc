#include "io/tracked_paths.h"

#include <algorithm>
#include <cstdint>

#include "io/file_io.h"

namespace psm {
namespace {

// The fixed part of an entry: stat data (40 bytes), a SHA-1 object id (20)
// and the flags (2).
constexpr size_t kEntryFixed = 62;
constexpr uint16_t kExtendedFlag = 0x4000;

uint32_t Be32(std::string_view b, size_t at) {
  auto u = [&](size_t i) { return static_cast<uint8_t>(b[at + i]); };
  return (uint32_t{u(0)} << 24) | (uint32_t{u(1)} << 16) |
         (uint32_t{u(2)} << 8) | u(3);
}

uint16_t Be16(std::string_view b, size_t at) {
  return static_cast<uint16_t>((static_cast<uint8_t>(b[at]) << 8) |
                               static_cast<uint8_t>(b[at + 1]));
}

// Version 4's prefix length: git's offset varint.
bool ReadVarint(std::string_view b, size_t* at, size_t* value) {
  if (*at >= b.size()) return false;
  uint8_t c = static_cast<uint8_t>(b[(*at)++]);
  *value = c & 127;
  while (c & 128) {
    if (*at >= b.size()) return false;
    c = static_cast<uint8_t>(b[(*at)++]);
    *value = ((*value + 1) << 7) | (c & 127);
  }
  return true;
}

// Appends the entries' paths of the index `b` to `out`; sets `*shared` to
// the split index's shared part ("" without one). False when the index is
// not one this reader knows.
bool ReadEntries(std::string_view b, std::vector<std::string>* out,
                 std::string* shared) {
  if (b.size() < 12 || b.substr(0, 4) != "DIRC") return false;
  uint32_t version = Be32(b, 4), count = Be32(b, 8);
  if (version < 2 || version > 4) return false;
  size_t at = 12;
  std::string path;
  for (uint32_t i = 0; i < count; ++i) {
    size_t start = at;
    if (at + kEntryFixed > b.size()) return false;
    uint16_t flags = Be16(b, at + kEntryFixed - 2);
    at += kEntryFixed + (version >= 3 && (flags & kExtendedFlag) ? 2 : 0);
    size_t strip = 0;
    if (version == 4 && !ReadVarint(b, &at, &strip)) return false;
    size_t end = b.find('\0', at);
    if (end == std::string_view::npos || strip > path.size()) return false;
    if (version < 4) path.clear();
    path.resize(path.size() - strip);
    path.append(b.substr(at, end - at));
    at = end + 1;
    // Versions 2 and 3 pad each entry with NULs to a multiple of 8.
    if (version < 4) at = start + ((end - start + 8) & ~size_t{7});
    out->push_back(path);
  }
  // Extensions: a four-byte signature, a size, the data; the file ends in
  // a SHA-1 checksum. "link" names the shared part of a split index by its
  // object id.
  constexpr size_t kChecksum = 20;
  while (at + 8 + kChecksum <= b.size()) {
    uint32_t size = Be32(b, at + 4);
    if (b.substr(at, 4) == "link" && size >= 20) {
      static constexpr char kHex[] = "0123456789abcdef";
      for (size_t k = 0; k < 20; ++k) {
        uint8_t byte = static_cast<uint8_t>(b[at + 8 + k]);
        *shared += kHex[byte >> 4];
        *shared += kHex[byte & 15];
      }
    }
    at += 8 + size;
  }
  return true;
}

}  // namespace

TrackedPaths TrackedPaths::Read(const std::string& index_file,
                                const std::string& git_dir) {
  TrackedPaths tracked;
  std::string text, error, shared;
  if (!ReadWholeFile(index_file, &text, &error) ||
      !ReadEntries(text, &tracked.paths_, &shared)) {
    return {};
  }
  if (!shared.empty()) {
    std::string file = git_dir + "/sharedindex." + shared;
    if (!ReadWholeFile(file, &text, &error) ||
        !ReadEntries(text, &tracked.paths_, &shared))
      return {};
  }
  std::vector<std::string>& p = tracked.paths_;
  std::sort(p.begin(), p.end());
  p.erase(std::unique(p.begin(), p.end()), p.end());
  return tracked;
}

bool TrackedPaths::Has(std::string_view path) const {
  return std::binary_search(paths_.begin(), paths_.end(), path);
}

bool TrackedPaths::HasUnder(std::string_view dir) const {
  auto it = std::lower_bound(paths_.begin(), paths_.end(), dir);
  return it != paths_.end() && std::string_view(*it).starts_with(dir);
}

}  // namespace psm
