#include "find/method_scan.h"

#include <string.h>

#include <cctype>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace psm {
namespace {

bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80);
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

MethodScan::MethodScan(std::vector<std::string_view> names)
    : names_(std::move(names)) {
  size_t count = 0;
  for (std::string_view name : names_) {
    if (name.empty()) continue;
    if (std::string_view(first_storage_, count).find(name[0]) !=
        std::string_view::npos) {
      continue;
    }
    // More distinct first letters than the vector test compares: every
    // dot becomes a candidate (slower, still correct).
    if (count == sizeof first_storage_) {
      count = 0;
      break;
    }
    first_storage_[count++] = name[0];
  }
  first_bytes_ = std::string_view(first_storage_, count);
}

unsigned MethodScan::NamesAt(std::string_view text, size_t at) const {
  unsigned found = 0;
  for (size_t i = 0; i < names_.size(); ++i) {
    std::string_view name = names_[i];
    size_t end = at + name.size();
    if (end > text.size() || text.compare(at, name.size(), name) != 0) continue;
    if (end < text.size() && IsIdentifierChar(text[end])) continue;
    found |= 1u << i;
  }
  return found;
}

unsigned MethodScan::AfterDot(std::string_view text, size_t dot) const {
  size_t at = dot + 1;
  while (at < text.size() && IsBlank(text[at])) ++at;
  return NamesAt(text, at);
}

unsigned MethodScan::ScanBytewise(std::string_view text,
                                  unsigned enough) const {
  unsigned found = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* dot = begin;
       (dot = static_cast<const char*>(::memchr(dot, '.', end - dot)));
       ++dot) {
    found |= AfterDot(text, dot - begin);
    if (found & enough) break;
  }
  return found;
}

#if defined(__SSE2__)
unsigned MethodScan::Scan(std::string_view text, unsigned enough) const {
  const char* data = text.data();
  const size_t n = text.size();
  const __m128i dot = _mm_set1_epi8('.');
  const __m128i space = _mm_set1_epi8(' ');
  __m128i firsts[sizeof first_storage_];
  for (size_t k = 0; k < first_bytes_.size(); ++k) {
    firsts[k] = _mm_set1_epi8(first_bytes_[k]);
  }
  unsigned found = 0;
  size_t i = 0;
  // Chunk i covers dots at i..i+15 and the byte after each: i+1..i+16.
  for (; i + 17 <= n; i += 16) {
    __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i next =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 1));
    __m128i dots = _mm_cmpeq_epi8(here, dot);
    if (_mm_movemask_epi8(dots) == 0) continue;
    // A blank (<= ' ') after the dot, or a name's first letter.
    __m128i follows = _mm_cmpeq_epi8(_mm_min_epu8(next, space), next);
    if (first_bytes_.empty()) follows = _mm_set1_epi8(-1);
    for (size_t k = 0; k < first_bytes_.size(); ++k) {
      follows = _mm_or_si128(follows, _mm_cmpeq_epi8(next, firsts[k]));
    }
    for (unsigned bits = _mm_movemask_epi8(_mm_and_si128(dots, follows));
         bits != 0; bits &= bits - 1) {
      found |= AfterDot(text, i + __builtin_ctz(bits));
      if (found & enough) return found;
    }
  }
  if (i < n) found |= ScanBytewise(text.substr(i), enough);
  return found;
}
#else
unsigned MethodScan::Scan(std::string_view text, unsigned enough) const {
  return ScanBytewise(text, enough);
}
#endif

}  // namespace psm
