#include "io/wildmatch.h"

#include <cctype>

namespace psm {
namespace {

bool ClassHas(std::string_view name, unsigned char c) {
  if (name == "alnum") return std::isalnum(c);
  if (name == "alpha") return std::isalpha(c);
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "cntrl") return std::iscntrl(c);
  if (name == "digit") return std::isdigit(c);
  if (name == "graph") return std::isgraph(c);
  if (name == "lower") return std::islower(c);
  if (name == "print") return std::isprint(c);
  if (name == "punct") return std::ispunct(c);
  if (name == "space") return std::isspace(c);
  if (name == "upper") return std::isupper(c);
  if (name == "xdigit") return std::isxdigit(c);
  return false;
}

// Matches the bracket expression at pattern[*at] (just past `[`) against c
// and moves *at past its `]`. False with *at == npos: no closing `]`, and
// the whole pattern then fails, as in git.
bool MatchBracket(std::string_view p, size_t* at, unsigned char c) {
  size_t i = *at;
  bool negated = i < p.size() && (p[i] == '!' || p[i] == '^');
  if (negated) ++i;
  bool matched = false;
  unsigned char prev = 0;
  for (bool first = true; i < p.size() && (first || p[i] != ']'); ++i) {
    first = false;
    unsigned char ch = p[i];
    if (ch == '\\' && i + 1 < p.size()) {
      ch = p[++i];
      matched = matched || ch == c;
    } else if (ch == '-' && prev && i + 1 < p.size() && p[i + 1] != ']') {
      unsigned char hi = p[++i];
      if (hi == '\\' && i + 1 < p.size()) hi = p[++i];
      matched = matched || (prev <= c && c <= hi);
      ch = 0;
    } else if (ch == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      size_t end = p.find(":]", i + 2);
      if (end == std::string_view::npos) {
        matched = matched || ch == c;
      } else {
        matched = matched || ClassHas(p.substr(i + 2, end - i - 2), c);
        i = end + 1;
        ch = 0;
      }
    } else {
      matched = matched || ch == c;
    }
    prev = ch;
  }
  if (i >= p.size()) {
    *at = std::string_view::npos;
    return false;
  }
  *at = i + 1;
  return matched != negated;
}

bool Match(std::string_view p, std::string_view t, bool pathname) {
  size_t pi = 0, ti = 0;
  while (pi < p.size()) {
    char pc = p[pi];
    if (pc == '*') {
      size_t stars = pi;
      while (pi < p.size() && p[pi] == '*') ++pi;
      bool across = !pathname;
      if (pathname && pi - stars >= 2 && (stars == 0 || p[stars - 1] == '/') &&
          (pi == p.size() || p[pi] == '/')) {
        // `**/` also matches no directory at all.
        if (pi < p.size() && Match(p.substr(pi + 1), t.substr(ti), true))
          return true;
        across = true;
      }
      if (pi == p.size())
        return across || t.find('/', ti) == std::string_view::npos;
      for (size_t k = ti; k <= t.size(); ++k) {
        if (Match(p.substr(pi), t.substr(k), pathname)) return true;
        if (k < t.size() && t[k] == '/' && !across) return false;
      }
      return false;
    }
    if (ti == t.size()) return false;
    unsigned char tc = t[ti];
    if (pc == '?') {
      if (pathname && tc == '/') return false;
    } else if (pc == '[') {
      ++pi;
      if (pathname && tc == '/') return false;
      if (!MatchBracket(p, &pi, tc)) return false;
      ++ti;
      continue;
    } else {
      if (pc == '\\' && pi + 1 < p.size()) pc = p[++pi];
      if (static_cast<unsigned char>(pc) != tc) return false;
    }
    ++pi;
    ++ti;
  }
  return ti == t.size();
}

}  // namespace

bool WildMatch(std::string_view pattern, std::string_view text, bool pathname) {
  return Match(pattern, text, pathname);
}

}  // namespace psm
