#include "syntax/markup_tag.h"

#include <cctype>

namespace psm {
namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)); }

uint32_t Size(std::string_view s) { return static_cast<uint32_t>(s.size()); }

uint32_t SkipSpace(std::string_view s, uint32_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

// The closing quote of the JavaScript string opened at `open`, or the end.
uint32_t StringClose(std::string_view s, uint32_t open) {
  for (uint32_t i = open + 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == s[open]) {
      return i;
    }
  }
  return Size(s);
}

// The '}' matching the '{' at `open`, strings skipped, or the end. A Svelte
// expression may hold `=>` and quotes, which must not end the tag.
uint32_t BraceClose(std::string_view s, uint32_t open) {
  int depth = 0;
  for (uint32_t i = open; i < s.size(); ++i) {
    if (s[i] == '"' || s[i] == '\'' || s[i] == '`') {
      i = StringClose(s, i);
    } else if (s[i] == '{') {
      ++depth;
    } else if (s[i] == '}' && --depth == 0) {
      return i;
    }
  }
  return Size(s);
}

// The first byte from `i` that `stop` accepts outside template islands.
template <typename Stop>
uint32_t FindOutsideIslands(std::string_view s, uint32_t i, Stop stop) {
  while (i < s.size()) {
    uint32_t past = SkipIsland(s, i);
    if (past != i) {
      i = past;
    } else if (stop(s[i])) {
      return i;
    } else {
      ++i;
    }
  }
  return Size(s);
}

// Reads the value starting at `i` into `a`; returns where the tag goes on.
uint32_t ReadValue(std::string_view s, uint32_t i, TagAttribute* a) {
  if (i >= s.size()) return i;
  char c = s[i];
  if (c == '"' || c == '\'' || c == '{') {
    uint32_t close =
        c == '{' ? BraceClose(s, i)
                 : FindOutsideIslands(s, i + 1, [c](char x) { return x == c; });
    a->delimiter = c;
    a->value = {i + 1, close};
    return close < s.size() ? close + 1 : close;
  }
  uint32_t end =
      FindOutsideIslands(s, i, [](char x) { return IsSpace(x) || x == '>'; });
  a->value = {i, end};
  return end;
}

// Reads the attribute starting at `i`; returns where the tag goes on, always
// past `i`.
uint32_t ReadAttribute(std::string_view s, uint32_t i,
                       std::vector<TagAttribute>* out) {
  TagAttribute a;
  if (s[i] == '{') {  // Svelte's `{name}` or `{...props}`: no name
    uint32_t next = ReadValue(s, i, &a);
    a.name = {i, i};
    out->push_back(a);
    return next;
  }
  uint32_t end = i;
  while (end < s.size() && !IsSpace(s[end]) && s[end] != '=' && s[end] != '>' &&
         s[end] != '/') {
    ++end;
  }
  if (end == i) return i + 1;  // a stray '=' or '/'
  a.name = {i, end};
  uint32_t next = end;
  uint32_t equals = SkipSpace(s, end);
  if (equals < s.size() && s[equals] == '=') {
    next = ReadValue(s, SkipSpace(s, equals + 1), &a);
  }
  out->push_back(a);
  return next;
}

}  // namespace

StartTag ReadStartTag(std::string_view s, uint32_t open) {
  StartTag tag;
  uint32_t i = open + 1;
  while (i < s.size() && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  tag.name = {open + 1, i};
  while ((i = SkipSpace(s, i)) < s.size()) {
    if (s[i] == '>') {
      tag.end = i + 1;
      return tag;
    }
    uint32_t past = SkipIsland(s, i);
    if (past != i) {
      i = past;
    } else if (s[i] == '/') {
      ++i;
    } else {
      i = ReadAttribute(s, i, &tag.attributes);
    }
  }
  tag.end = Size(s);
  return tag;
}

std::string AttributeValue(std::string_view text, const StartTag& tag,
                           std::string_view name) {
  for (const TagAttribute& a : tag.attributes) {
    if (Lowered(a.name.In(text)) == name) return Lowered(a.value.In(text));
  }
  return "";
}

}  // namespace psm
