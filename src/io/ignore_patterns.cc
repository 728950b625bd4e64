#include "io/ignore_patterns.h"

#include "io/wildmatch.h"

namespace psm {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

// Trailing blanks go unless escaped (an odd run of `\` before them).
size_t WithoutTrailingSpace(std::string_view p) {
  size_t n = p.size();
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t')) {
    size_t i = n;
    while (i > 1 && p[i - 2] == '\\') --i;
    if ((n - i) % 2) break;
    --n;
  }
  return n;
}

// `\ ` keeps a space inside a pattern; other escapes stay for wildmatch.
std::string UnescapeSpaces(std::string_view p) {
  std::string out;
  bool escaped = false;
  for (char c : p) {
    if (!escaped && c == '\\') {
      escaped = true;
      continue;
    }
    if (escaped && !IsSpace(c)) out += '\\';
    out += c;
    escaped = false;
  }
  return out;
}

// Parses the pattern starting at text[*at] and moves *at past its line.
// False for blank lines and comments.
bool ParseOne(std::string_view text, size_t* at, IgnorePattern* out) {
  std::string_view rest = text.substr(*at);
  size_t eol = rest.find('\n');
  *at = eol == std::string_view::npos ? text.size() : *at + eol + 1;
  std::string_view p = rest.substr(0, eol);
  if (p.empty() || p[0] == '#' || p == "\r") return false;
  if (p[0] == '!') {
    out->negated = true;
    p.remove_prefix(1);
  }
  int slashes = 0;
  if (!p.empty() && p[0] == '/') {  // a leading `/` only anchors
    p.remove_prefix(1);
    out->full_path = true;
    slashes = 1;
  }
  bool escaped = false;
  size_t end = 0;
  for (; end < p.size(); ++end) {
    char c = p[end];
    if (c == '\\' && !escaped) {
      escaped = true;
      continue;
    }
    if (IsSpace(c) && !escaped && c != ' ' && c != '\t' && c != '\r') break;
    if (c == '/') {
      out->full_path = true;
      ++slashes;
    }
    escaped = false;
  }
  p = p.substr(0, end);
  if (!p.empty() && p.back() == '\r') p.remove_suffix(1);
  p = p.substr(0, WithoutTrailingSpace(p));
  if (p.empty()) return false;
  if (p.back() == '/') {
    p.remove_suffix(1);
    out->dir_only = true;
    if (--slashes <= 0) out->full_path = false;
  }
  out->glob = UnescapeSpaces(p);
  return true;
}

}  // namespace

std::vector<IgnorePattern> ParseIgnorePatterns(
    std::string_view text, const std::string& containing_dir) {
  std::vector<IgnorePattern> patterns;
  for (size_t at = 0; at < text.size();) {
    IgnorePattern pattern;
    if (ParseOne(text, &at, &pattern)) {
      pattern.containing_dir = containing_dir;
      patterns.push_back(std::move(pattern));
    }
  }
  return patterns;
}

IgnoreVerdict MatchIgnorePatterns(const std::vector<IgnorePattern>& patterns,
                                  std::string_view path, bool is_dir) {
  size_t slash = path.rfind('/');
  std::string_view base =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (auto it = patterns.rbegin(); it != patterns.rend(); ++it) {
    const IgnorePattern& p = *it;
    if (p.dir_only && !is_dir) continue;
    std::string_view relative = path;
    if (!p.containing_dir.empty()) {
      if (!relative.starts_with(p.containing_dir)) continue;
      relative.remove_prefix(p.containing_dir.size());
    }
    bool matched = p.full_path ? WildMatch(p.glob, relative, true)
                               : WildMatch(p.glob, base, false);
    if (matched)
      return p.negated ? IgnoreVerdict::kIncluded : IgnoreVerdict::kIgnored;
  }
  return IgnoreVerdict::kNoMatch;
}

}  // namespace psm
