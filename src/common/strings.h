#ifndef PSM_COMMON_STRINGS_H_
#define PSM_COMMON_STRINGS_H_

#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

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

// Calls `f` with each maximal run of identifier bytes ("word") of `text`.
template <typename F>
void ForEachWord(std::string_view text, F f) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsIdentifierByte(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && IsIdentifierByte(text[i])) ++i;
    if (i > start) f(text.substr(start, i - start));
  }
}

// Where `needle` next stands in `text` at or after `from` (npos when it
// does not): glibc's memmem, which for a needle with a common first byte
// ("toString", "defineProperty(") is faster than string_view::find's
// memchr on that byte.
inline size_t FindText(std::string_view text, std::string_view needle,
                       size_t from = 0) {
  if (from > text.size()) return std::string_view::npos;
  const void* at = memmem(text.data() + from, text.size() - from, needle.data(),
                          needle.size());
  return at ? static_cast<size_t>(static_cast<const char*>(at) - text.data())
            : std::string_view::npos;
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
