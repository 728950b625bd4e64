#include "find/defined_accessors.h"

#include "common/strings.h"

namespace psm {
namespace {

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

size_t SkipBlanks(std::string_view s, size_t k) {
  while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
  return k;
}

// Past the string literal opening at `k` (a quote), or s.size().
size_t PastString(std::string_view s, size_t k) {
  char quote = s[k];
  for (++k; k < s.size(); ++k) {
    if (s[k] == '\\') {
      ++k;
    } else if (s[k] == quote) {
      return k + 1;
    }
  }
  return s.size();
}

bool IsQuote(char c) { return c == '\'' || c == '"' || c == '`'; }

// The string literal at or after `from` (its text between the quotes), or
// "" when another token comes first.
std::string_view StringAfter(std::string_view s, size_t from) {
  size_t k = SkipBlanks(s, from);
  if (k >= s.size() || !IsQuote(s[k])) return {};
  size_t end = PastString(s, k);
  return end > k + 1 && end <= s.size() ? s.substr(k + 1, end - k - 2)
                                        : std::string_view();
}

// Calls `key(name, after)` for each key of the object literal whose `{` is
// at `open`: a word or a string at its top level followed by `:`
// (`after`: just past the `:`). Returns where the literal ends.
template <typename Key>
size_t ForEachTopLevelKey(std::string_view s, size_t open, Key&& key) {
  int depth = 0;
  bool expect_key = true;
  for (size_t k = open; k < s.size();) {
    char c = s[k];
    if (IsQuote(c)) {
      size_t end = PastString(s, k);
      size_t colon = SkipBlanks(s, end);
      if (depth == 1 && expect_key && colon < s.size() && s[colon] == ':')
        key(s.substr(k + 1, end - k - 2), colon + 1);
      expect_key = false;
      k = end;
      continue;
    }
    if (depth == 1 && expect_key && IsWordByte(c)) {
      size_t end = k;
      while (end < s.size() && IsWordByte(s[end])) ++end;
      size_t colon = SkipBlanks(s, end);
      if (colon < s.size() && s[colon] == ':')
        key(s.substr(k, end - k), colon + 1);
      expect_key = false;
      k = end;
      continue;
    }
    if (c == '{' || c == '(' || c == '[') ++depth;
    if (c == '}' || c == ')' || c == ']') {
      if (--depth == 0) return k + 1;
    }
    if (depth == 1 && (c == ',' || c == '{')) expect_key = true;
    if (!std::isspace(static_cast<unsigned char>(c)) && c != ',' && c != '{')
      expect_key = false;
    ++k;
  }
  return s.size();
}

// `Object.defineProperties(o, {...})`: the keys of the second argument
// when it is written there.
void AddDefinePropertiesKeys(std::string_view s, size_t args,
                             std::unordered_set<std::string>* names) {
  int depth = 0;
  for (size_t k = args; k < s.size(); ++k) {
    char c = s[k];
    if (IsQuote(c)) {
      k = PastString(s, k) - 1;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) return;
    } else if (c == ',' && depth == 0) {
      size_t open = SkipBlanks(s, k + 1);
      if (open < s.size() && s[open] == '{') {
        ForEachTopLevelKey(s, open, [&](std::string_view key, size_t) {
          names->emplace(key);
        });
      }
      return;
    }
  }
}

// A transpiled class's descriptor `{key: 'total', get: function () {...}}`
// around the `key` at `at`: its name when it has `get` or `set`.
void AddDescriptorAccessor(std::string_view s, size_t at,
                           std::unordered_set<std::string>* names) {
  size_t open = s.rfind('{', at);
  if (open == std::string_view::npos) return;
  std::string_view name;
  bool accessor = false;
  ForEachTopLevelKey(s, open, [&](std::string_view key, size_t after) {
    if (key == "key") name = StringAfter(s, after);
    if (key == "get" || key == "set") accessor = true;
  });
  if (accessor && !name.empty()) names->emplace(name);
}

// Whether the argument after the one at `from` is written as a descriptor
// with a getter (`{ get() {...} }`, `{ get: function ... }`): a property
// whose name is computed (`defineProperty(cart, key, {...})`) may be any.
bool GetterDescriptorAfter(std::string_view source, size_t from) {
  size_t comma = source.find(',', from);
  if (comma == std::string_view::npos) return false;
  size_t open = SkipBlanks(source, comma + 1);
  if (open >= source.size() || source[open] != '{') return false;
  std::string_view start = source.substr(open, 80);
  for (size_t at = start.find("get"); at != std::string_view::npos;
       at = start.find("get", at + 1)) {
    if (at > 0 && IsWordByte(start[at - 1])) continue;
    size_t next = SkipBlanks(start, at + 3);
    if (next < start.size() && (start[next] == '(' || start[next] == ':'))
      return true;
  }
  return false;
}

}  // namespace

void AddDefinedAccessors(std::string_view source,
                         std::unordered_set<std::string>* names) {
  for (std::string_view call : {"defineProperty(", "__defineGetter__("}) {
    for (size_t at = FindText(source, call); at != std::string_view::npos;
         at = FindText(source, call, at + 1)) {
      size_t from = at + call.size();
      if (call == "defineProperty(") {
        from = source.find(',', from);
        if (from == std::string_view::npos) continue;
        ++from;
      }
      std::string_view name = StringAfter(source, from);
      if (!name.empty()) {
        names->emplace(name);
      } else if (call == "defineProperty(" &&
                 GetterDescriptorAfter(source, from)) {
        names->emplace("*");  // `defineProperty(o, key, { get() {...} })`
      }
    }
  }
  std::string_view call = "defineProperties(";
  for (size_t at = FindText(source, call); at != std::string_view::npos;
       at = FindText(source, call, at + 1)) {
    if (at > 0 && source[at - 1] != '.') continue;  // not `_defineProperties`
    AddDefinePropertiesKeys(source, at + call.size(), names);
  }
  // Transpiled classes: `{key: "total", get: ...}` descriptors.
  for (size_t at = FindText(source, "key"); at != std::string_view::npos;
       at = FindText(source, "key", at + 1)) {
    if ((at > 0 && IsWordByte(source[at - 1])) ||
        (at + 3 < source.size() && IsWordByte(source[at + 3]))) {
      continue;
    }
    size_t colon = SkipBlanks(source, at + 3);
    if (colon < source.size() && source[colon] == ':' &&
        !StringAfter(source, colon + 1).empty()) {
      AddDescriptorAccessor(source, at, names);
    }
  }
}

}  // namespace psm
