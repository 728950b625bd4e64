#include "find/method_scan.h"

#include <string.h>

#include <cctype>

namespace psm {
namespace {

bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80);
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// glibc's memmem is several times faster than string_view::find, which
// stops at every occurrence of the first byte; this scan runs on every file.
size_t Find(std::string_view text, std::string_view name, size_t from) {
  if (from >= text.size()) return std::string_view::npos;
  const void* hit = ::memmem(text.data() + from, text.size() - from,
                             name.data(), name.size());
  return hit ? static_cast<const char*>(hit) - text.data()
             : std::string_view::npos;
}

}  // namespace

bool MayCallMethod(std::string_view text, std::string_view name) {
  for (size_t at = Find(text, name, 0); at != std::string_view::npos;
       at = Find(text, name, at + name.size())) {
    size_t end = at + name.size();
    if (end < text.size() && IsIdentifierChar(text[end])) continue;
    size_t before = at;
    while (before > 0 && IsBlank(text[before - 1])) --before;
    if (before > 0 && text[before - 1] == '.') return true;
  }
  return false;
}

}  // namespace psm
