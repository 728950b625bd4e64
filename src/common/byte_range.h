#ifndef PSM_COMMON_BYTE_RANGE_H_
#define PSM_COMMON_BYTE_RANGE_H_

#include <cstdint>
#include <string_view>

namespace psm {

// A half-open range of byte offsets [begin, end) into one source text.
struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(const ByteRange& other) const {
    return begin <= other.begin && other.end <= end;
  }
  std::string_view In(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

}  // namespace psm

#endif  // PSM_COMMON_BYTE_RANGE_H_
