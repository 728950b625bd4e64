#include "common/js_string.h"

#include <cstdint>

namespace psm {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Reads `count` hex digits at `s[*i]`; advances past them on success.
bool ReadHex(std::string_view s, size_t* i, size_t count, uint32_t* value) {
  if (*i + count > s.size()) return false;
  uint32_t v = 0;
  for (size_t k = 0; k < count; ++k) {
    int d = HexDigit(s[*i + k]);
    if (d < 0) return false;
    v = v * 16 + static_cast<uint32_t>(d);
  }
  *i += count;
  *value = v;
  return true;
}

// `\u{1F600}` (after the `u`): the braced form of any length.
bool ReadBraced(std::string_view s, size_t* i, uint32_t* value) {
  if (*i >= s.size() || s[*i] != '{') return false;
  size_t close = s.find('}', *i);
  if (close == std::string_view::npos || close == *i + 1) return false;
  size_t start = *i + 1;
  if (!ReadHex(s, &start, close - *i - 1, value) || *value > 0x10FFFF)
    return false;
  *i = close + 1;
  return true;
}

// Decodes the escape whose character (after the backslash) is at `s[*i]`.
void DecodeEscape(std::string_view s, size_t* i, std::string* out) {
  char c = s[(*i)++];
  uint32_t cp = 0;
  switch (c) {
    case 'n':
      out->push_back('\n');
      return;
    case 't':
      out->push_back('\t');
      return;
    case 'r':
      out->push_back('\r');
      return;
    case 'b':
      out->push_back('\b');
      return;
    case 'f':
      out->push_back('\f');
      return;
    case 'v':
      out->push_back('\v');
      return;
    case '0':
      out->push_back('\0');
      return;
    case '\r':  // line continuation, CRLF or CR
      if (*i < s.size() && s[*i] == '\n') ++*i;
      return;
    case '\n':
      return;
    case 'x':
      if (ReadHex(s, i, 2, &cp)) return AppendUtf8(cp, out);
      break;
    case 'u':
      if (ReadBraced(s, i, &cp) || ReadHex(s, i, 4, &cp)) {
        // A surrogate pair written as two escapes is one character.
        uint32_t low = 0;
        size_t j = *i;
        if (cp >= 0xD800 && cp < 0xDC00 && j + 1 < s.size() && s[j] == '\\' &&
            s[j + 1] == 'u' && (j += 2, ReadHex(s, &j, 4, &low)) &&
            low >= 0xDC00 && low < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          *i = j;
        }
        return AppendUtf8(cp, out);
      }
      break;
    default:
      break;
  }
  out->push_back(c);
}

}  // namespace

std::string DecodeJsEscapes(std::string_view body) {
  if (body.find('\\') == std::string_view::npos) return std::string(body);
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size();) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out.push_back(body[i++]);
      continue;
    }
    ++i;
    DecodeEscape(body, &i, &out);
  }
  return out;
}

}  // namespace psm
