#include "io/ignore_patterns.h"

#include <fnmatch.h>
#include <strings.h>

#include <algorithm>

#include "common/strings.h"

namespace psm {
namespace {

bool HasWildcard(std::string_view s) {
  return s.find_first_of("*?[\\") != std::string_view::npos;
}

// Trailing spaces end a pattern unless a backslash quotes them; a CR is
// left by files saved with Windows line endings.
std::string_view TrimLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && line.back() == ' ' &&
         !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

IgnorePatterns::IgnorePatterns(std::string_view text, bool ignore_case)
    : flags_(ignore_case ? FNM_CASEFOLD : 0) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = TrimLine(text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    Pattern p;
    if (line[0] == '!') {
      p.negated = true;
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      p.dir_only = true;
      line.remove_suffix(1);
    }
    p.anchored = line.find('/') != std::string_view::npos;
    if (!line.empty() && line[0] == '/') line.remove_prefix(1);
    if (line.empty()) continue;
    p.text = std::string(line);
    p.literal = !HasWildcard(line);
    if (p.anchored) {
      for (std::string_view part : SplitOn(line, '/'))
        p.parts.emplace_back(part);
    }
    patterns_.push_back(std::move(p));
  }
}

bool IgnorePatterns::MatchOne(const std::string& glob, std::string_view text,
                              bool literal) const {
  if (literal) {
    return glob.size() == text.size() &&
           (flags_ ? ::strncasecmp(glob.data(), text.data(), text.size()) == 0
                   : glob == text);
  }
  // `*.js`, the commonest wildcard pattern, is a suffix comparison.
  if (glob.size() > 1 && glob[0] == '*' &&
      !HasWildcard(std::string_view(glob).substr(1)) && !flags_) {
    return text.ends_with(std::string_view(glob).substr(1));
  }
  char buffer[512];
  if (text.size() >= sizeof buffer) {
    return ::fnmatch(glob.c_str(), std::string(text).c_str(), flags_) == 0;
  }
  std::copy(text.begin(), text.end(), buffer);
  buffer[text.size()] = '\0';
  return ::fnmatch(glob.c_str(), buffer, flags_) == 0;
}

// `**` as a whole part matches any number of parts (at the end: one or
// more, as `dir/**` matches what is inside `dir`, not `dir` itself).
bool IgnorePatterns::MatchParts(const std::vector<std::string>& parts, size_t i,
                                const std::vector<std::string_view>& path,
                                size_t j) const {
  if (i == parts.size()) return j == path.size();
  if (parts[i] == "**") {
    if (i + 1 == parts.size()) return j < path.size();
    for (size_t k = j; k <= path.size(); ++k) {
      if (MatchParts(parts, i + 1, path, k)) return true;
    }
    return false;
  }
  if (j == path.size()) return false;
  return MatchOne(parts[i], path[j], !HasWildcard(parts[i])) &&
         MatchParts(parts, i + 1, path, j + 1);
}

bool IgnorePatterns::Matches(const Pattern& p, std::string_view path,
                             std::string_view name, bool is_dir) const {
  if (p.dir_only && !is_dir) return false;
  if (!p.anchored) return MatchOne(p.text, name, p.literal);
  if (p.literal) return MatchOne(p.text, path, true);
  return MatchParts(p.parts, 0, SplitOn(path, '/'), 0);
}

IgnoreVerdict IgnorePatterns::Match(std::string_view path,
                                    std::string_view name, bool is_dir) const {
  // The last matching pattern decides.
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (Matches(*it, path, name, is_dir)) {
      return it->negated ? IgnoreVerdict::kKept : IgnoreVerdict::kIgnored;
    }
  }
  return IgnoreVerdict::kNone;
}

}  // namespace psm
