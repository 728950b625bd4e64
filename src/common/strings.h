#ifndef PSM_COMMON_STRINGS_H_
#define PSM_COMMON_STRINGS_H_

#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace psm {

// "a, b, c" from {"a", "b", "c"} and ", ".
inline std::string Join(const std::vector<std::string>& items,
                        std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// The pieces of `text` between occurrences of `separator`: "a.b" -> {"a",
// "b"}; "" -> {""}. Views into `text`.
inline std::vector<std::string_view> SplitOn(std::string_view text,
                                             char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t at; (at = text.find(separator, start)) != std::string_view::npos;
       start = at + 1) {
    parts.push_back(text.substr(start, at - start));
  }
  parts.push_back(text.substr(start));
  return parts;
}

// `text` made safe for a one-line message: line breaks and other control
// characters become visible escapes (\n, \r, \t, \xHH).
inline std::string OneLine(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

namespace strings_detail {
// IsIdentifierByte of every byte, looked up: the project model scans whole
// files word by word with it (a compare chain per byte was 1.3% of a dense
// run's instructions).
inline constexpr std::array<bool, 256> kIdentifierBytes = [] {
  std::array<bool, 256> table{};
  for (int byte = 0; byte < 256; ++byte) {
    table[byte] = (byte >= '0' && byte <= '9') ||
                  (byte >= 'a' && byte <= 'z') ||
                  (byte >= 'A' && byte <= 'Z') || byte == '_' || byte == '$' ||
                  byte >= 0x80;
  }
  return table;
}();
}  // namespace strings_detail

// True for a byte that can continue a JavaScript identifier (every byte of
// a multi-byte UTF-8 character counts as one).
inline bool IsIdentifierByte(char c) {
  return strings_detail::kIdentifierBytes[static_cast<unsigned char>(c)];
}

#if defined(__SSE2__)
namespace strings_detail {
// Bit k set when byte k of the 16 at `p` is an identifier byte (the table
// above, as compares: letters folded to lower case, digits, `_`, `$`, and
// every byte from 0x80, negative as a signed char).
inline unsigned IdentifierMask16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
  __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                 _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
  __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
  __m128i sign = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('_')),
                              _mm_cmpeq_epi8(x, _mm_set1_epi8('$')));
  __m128i any = _mm_or_si128(_mm_or_si128(letter, digit), sign);
  return static_cast<unsigned>(_mm_movemask_epi8(any) | _mm_movemask_epi8(x));
}
}  // namespace strings_detail
#endif

// Calls `f` with each maximal run of identifier bytes ("word") of `text`.
// Whole files are read this way several times (the scope index, the word
// store, the hints of reactive reads): with SSE2 the bytes are classified
// 16 at a time and the words found from the mask's runs.
template <typename F>
void ForEachWord(std::string_view text, F f) {
  constexpr size_t kNone = std::string_view::npos;
  const size_t n = text.size();
  size_t i = 0;
  size_t start = kNone;  // of the word the scan is in
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const unsigned mask = strings_detail::IdentifierMask16(text.data() + i);
    const unsigned gaps = ~mask & 0xFFFFu;
    unsigned p = 0;  // bits below p are dealt with
    while (p < 16) {
      if (start == kNone) {
        unsigned ones = mask >> p << p;
        if (ones == 0) break;
        p = static_cast<unsigned>(__builtin_ctz(ones));
        start = i + p;
      }
      unsigned ends = gaps >> p << p;
      if (ends == 0) break;
      p = static_cast<unsigned>(__builtin_ctz(ends));
      f(text.substr(start, i + p - start));
      start = kNone;
    }
  }
#endif
  for (; i < n; ++i) {
    bool identifier = IsIdentifierByte(text[i]);
    if (identifier && start == kNone) {
      start = i;
    } else if (!identifier && start != kNone) {
      f(text.substr(start, i - start));
      start = kNone;
    }
  }
  if (start != kNone) f(text.substr(start, n - start));
}

// Where `needle` next stands in `text` at or after `from` (npos when it
// does not). Whole files are searched this way several times each (`eval`,
// `with`, `toString`, `defineProperty(`): with SSE2, 16 places are tried at
// once on the needle's first and last byte, and only where both match are
// the bytes compared, a few times fewer instructions a byte than glibc's
// memmem (1.6% of a dense tree's run, issue 14). Elsewhere, memmem.
inline size_t FindText(std::string_view text, std::string_view needle,
                       size_t from = 0) {
  constexpr size_t npos = std::string_view::npos;
  if (from > text.size()) return npos;
  const size_t n = needle.size();
  if (n == 0) return from;
  if (n > text.size() - from) return npos;
  const char* s = text.data();
  size_t i = from;
#if defined(__SSE2__)
  const size_t last_start = text.size() - n;
  const __m128i first = _mm_set1_epi8(needle.front());
  const __m128i last = _mm_set1_epi8(needle.back());
  // Both loads of a block stay inside the text: s[i + 15 + n - 1] is at
  // most s[last_start + n - 1], its last byte.
  for (; i + 15 <= last_start; i += 16) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    __m128i b =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + n - 1));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
    while (mask != 0) {
      size_t at = i + static_cast<size_t>(__builtin_ctz(mask));
      if (std::memcmp(s + at, needle.data(), n) == 0) return at;
      mask &= mask - 1;
    }
  }
  for (; i <= last_start; ++i) {
    if (s[i] == needle.front() && std::memcmp(s + i, needle.data(), n) == 0)
      return i;
  }
  return npos;
#else
  const void* at = memmem(s + i, text.size() - i, needle.data(), n);
  return at ? static_cast<size_t>(static_cast<const char*>(at) - s) : npos;
#endif
}

// True when the `size` bytes at `at` are not part of a longer identifier.
inline bool IsWholeIdentifierAt(std::string_view text, size_t at, size_t size) {
  size_t end = at + size;
  return (at == 0 || !IsIdentifierByte(text[at - 1])) &&
         (end >= text.size() || !IsIdentifierByte(text[end]));
}

// Where `name` stands as a whole word in `text`, first to last.
inline std::vector<size_t> WordsAt(std::string_view text,
                                   std::string_view name) {
  std::vector<size_t> found;
  for (size_t at = FindText(text, name); at != std::string_view::npos;
       at = FindText(text, name, at + 1)) {
    if (IsWholeIdentifierAt(text, at, name.size())) found.push_back(at);
  }
  return found;
}

// `s` with ASCII letters in lower case.
inline std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Where `lower` (all lower case) first occurs in `s` from `from` on,
// ignoring ASCII case; npos when nowhere.
inline size_t FindNoCase(std::string_view s, std::string_view lower,
                         size_t from = 0) {
  for (size_t i = from; i + lower.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < lower.size() &&
           std::tolower(static_cast<unsigned char>(s[i + k])) == lower[k]) {
      ++k;
    }
    if (k == lower.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace psm

#endif  // PSM_COMMON_STRINGS_H_
