#include "common/path_quote.h"

namespace psm {
namespace {

// git's letters for the control bytes it names, indexed by byte; 0 where it
// writes octal instead.
constexpr char kNamedEscapes[0x20] = {0,   0,   0,   0,   0,   0,   0, 'a',
                                      'b', 't', 'n', 'v', 'f', 'r', 0, 0};

bool NeedsEscape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c >= 0x7f;
}

void AppendEscape(unsigned char c, std::string* out) {
  out->push_back('\\');
  if (c == '"' || c == '\\') {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x20 && kNamedEscapes[c] != 0) {
    out->push_back(kNamedEscapes[c]);
  } else {
    out->push_back(static_cast<char>('0' + (c >> 6)));
    out->push_back(static_cast<char>('0' + ((c >> 3) & 7)));
    out->push_back(static_cast<char>('0' + (c & 7)));
  }
}

// Length of the well-formed UTF-8 sequence at `i`, or 0 (Unicode's table of
// well-formed byte sequences, so overlong forms and surrogates are 0).
size_t Utf8Length(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = at(i), low = 0x80, high = 0xBF;
  size_t length = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  if (lead == 0xE0) low = 0xA0;
  if (lead == 0xED) high = 0x9F;
  if (lead == 0xF0) low = 0x90;
  if (lead == 0xF4) high = 0x8F;
  if (length == 0 || i + length > s.size()) return 0;
  if (at(i + 1) < low || at(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// How many bytes from `i` go out as they are (0: the byte is escaped).
size_t Kept(std::string_view path, size_t i, NonAscii non_ascii) {
  auto c = static_cast<unsigned char>(path[i]);
  if (c >= 0x80 && non_ascii == NonAscii::kKeepUtf8) return Utf8Length(path, i);
  return NeedsEscape(c) ? 0 : 1;
}

// The byte `\<escape>` stands for at text[*i] (just past the backslash);
// advances *i. nullopt for an escape git would not write.
std::optional<char> Unescape(std::string_view text, size_t* i) {
  char c = text[(*i)++];
  if (c == '"' || c == '\\') return c;
  for (size_t byte = 0; byte < sizeof kNamedEscapes; ++byte) {
    if (kNamedEscapes[byte] == c && c != 0) return static_cast<char>(byte);
  }
  if (c < '0' || c > '3' || *i + 2 > text.size()) return std::nullopt;
  int value = c - '0';
  for (int k = 0; k < 2; ++k) {
    char digit = text[(*i)++];
    if (digit < '0' || digit > '7') return std::nullopt;
    value = value * 8 + (digit - '0');
  }
  return static_cast<char>(value);
}

}  // namespace

std::string QuotePath(std::string_view path, NonAscii non_ascii) {
  // Most names need no quoting: they are copied whole, not byte by byte.
  size_t plain = 0;
  while (plain < path.size()) {
    size_t kept = Kept(path, plain, non_ascii);
    if (kept == 0) break;
    plain += kept;
  }
  if (plain == path.size()) return std::string(path);
  std::string quoted = "\"";
  quoted.append(path.substr(0, plain));
  for (size_t i = plain; i < path.size();) {
    if (size_t kept = Kept(path, i, non_ascii); kept > 0) {
      quoted.append(path.substr(i, kept));
      i += kept;
      continue;
    }
    AppendEscape(static_cast<unsigned char>(path[i++]), &quoted);
  }
  return quoted + "\"";
}

std::optional<std::string> UnquotePath(std::string_view text) {
  if (!text.starts_with('"')) return std::string(text);
  std::string out;
  for (size_t i = 1; i < text.size();) {
    char c = text[i++];
    if (c == '"') {
      if (i != text.size()) return std::nullopt;
      return out;
    }
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (i == text.size()) return std::nullopt;
    std::optional<char> byte = Unescape(text, &i);
    if (!byte) return std::nullopt;
    out.push_back(*byte);
  }
  return std::nullopt;  // no closing quote
}

bool IsUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t length = Utf8Length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

}  // namespace psm
