#include "syntax/island_syntax.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace psm {
namespace {

uint32_t Size(std::string_view s) { return static_cast<uint32_t>(s.size()); }

// Template languages whose islands are more than `<? ?>` and `<% %>`.
struct DialectByExtension {
  std::string_view extension;
  IslandKinds kinds;
};
constexpr IslandKinds kLiquid =
    kAngleIslands | kDoubleBraceIslands | kBlockTagIslands;
constexpr IslandKinds kTwig = kLiquid | kHashCommentIslands;
constexpr IslandKinds kMustache = kAngleIslands | kDoubleBraceIslands;
constexpr IslandKinds kEl = kAngleIslands | kDollarBraceIslands;
constexpr std::array<DialectByExtension, 21> kDialects = {{
    {".isml", kEl | kIsmlTagIslands},
    {".jsp", kEl},
    {".jspf", kEl},
    {".gsp", kEl},
    {".mako", kEl},
    {".ftl", kEl | kFreeMarkerIslands},
    {".ftlh", kEl | kFreeMarkerIslands},
    {".twig", kTwig},
    {".njk", kTwig},
    {".j2", kTwig},
    {".jinja", kTwig},
    {".jinja2", kTwig},
    {".volt", kTwig},
    {".liquid", kLiquid},
    {".hbs", kMustache},
    {".handlebars", kMustache},
    {".mustache", kMustache},
    {".tmpl", kMustache | kGoActions},
    {".page", kAngleIslands | kVisualforceIslands},
    {".component", kAngleIslands | kVisualforceIslands},
    {".cfm", kAngleIslands},
}};

// Just past `close` found from `from`, or `from` itself when it is missing
// and `open_runs_to_end` is false (an unclosed island is then no island).
uint32_t PastText(std::string_view s, uint32_t open, uint32_t from,
                  std::string_view close, bool open_runs_to_end = true) {
  size_t at = s.find(close, from);
  if (at == std::string_view::npos) return open_runs_to_end ? Size(s) : open;
  return static_cast<uint32_t>(at + close.size());
}

// Just past the '}' closing the '{' at `brace`, quoted strings skipped
// (`${order.label('x}')}`); `open` when the braces do not close within
// kLongestExpression bytes: a stray `${` is text, not an island running to
// the end of the file, and the bound keeps a file of many stray ones
// linear.
constexpr uint32_t kLongestExpression = 4096;
uint32_t PastBraces(std::string_view s, uint32_t open, uint32_t brace) {
  int depth = 0;
  uint32_t stop = static_cast<uint32_t>(
      std::min<size_t>(s.size(), brace + kLongestExpression));
  for (uint32_t i = brace; i < stop; ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      uint32_t k = i + 1;
      while (k < stop && s[k] != c) k += s[k] == '\\' ? 2 : 1;
      i = k;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return open;
}

// Just past the '>' ending a tag that starts at `open`, quoted attribute
// values skipped (`<isif condition="${a > b}">`), or the end.
uint32_t PastTag(std::string_view s, uint32_t open) {
  for (uint32_t i = open + 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      size_t close = s.find(c, i + 1);
      if (close == std::string_view::npos) return Size(s);
      i = static_cast<uint32_t>(close);
    } else if (c == '>') {
      return i + 1;
    }
  }
  return Size(s);
}

// `<isif`, `</isif>`, `<isprint/>`: `is` and a lower-case name ended by a
// blank, `/` or `>` (`i<issues.length` in a script is JavaScript).
bool IsmlTagAt(std::string_view rest, size_t name) {
  if (!rest.substr(name).starts_with("is")) return false;
  size_t k = name + 2;
  while (k < rest.size() && std::islower(static_cast<unsigned char>(rest[k])))
    ++k;
  if (k == name + 2 || k >= rest.size()) return false;
  char after = rest[k];
  return after == '>' || after == '/' ||
         std::isspace(static_cast<unsigned char>(after));
}

uint32_t SkipAngle(std::string_view s, uint32_t open, IslandKinds kinds) {
  std::string_view rest = s.substr(open);
  char kind = rest.size() > 1 ? rest[1] : 0;
  if ((kinds & kAngleIslands) && (kind == '?' || kind == '%')) {
    const char close[2] = {kind, '>'};
    return PastText(s, open, open + 2, std::string_view(close, 2));
  }
  size_t name = rest.starts_with("</") ? 2 : 1;
  if ((kinds & kIsmlTagIslands) && IsmlTagAt(rest, name)) {
    if (rest.starts_with("<iscomment"))
      return PastText(s, open, open, "</iscomment>");
    return PastTag(s, open);
  }
  if ((kinds & kFreeMarkerIslands) && rest.size() > name &&
      (rest[name] == '#' || rest[name] == '@')) {
    if (rest.starts_with("<#--")) return PastText(s, open, open + 4, "-->");
    return PastTag(s, open);
  }
  return open;
}

uint32_t SkipBrace(std::string_view s, uint32_t open, IslandKinds kinds) {
  std::string_view rest = s.substr(open);
  if (kinds & kDoubleBraceIslands) {
    if (rest.starts_with("{{{")) return PastText(s, open, open + 3, "}}}");
    if (rest.starts_with("{{!--")) return PastText(s, open, open + 5, "--}}");
    if (rest.starts_with("{{")) return PastText(s, open, open + 2, "}}");
  }
  if ((kinds & kBlockTagIslands) && rest.starts_with("{%"))
    return PastText(s, open, open + 2, "%}");
  if ((kinds & kHashCommentIslands) && rest.starts_with("{#"))
    return PastText(s, open, open + 2, "#}");
  if ((kinds & kVisualforceIslands) && rest.starts_with("{!"))
    return PastBraces(s, open, open);
  return open;
}

}  // namespace

IslandKinds IslandKindsFor(std::string_view path) {
  for (const DialectByExtension& d : kDialects) {
    if (path.size() > d.extension.size() && path.ends_with(d.extension))
      return d.kinds;
  }
  return kAngleIslands;
}

uint32_t SkipIsland(std::string_view s, uint32_t open, IslandKinds kinds) {
  if (open + 1 >= s.size()) return open;
  switch (s[open]) {
    case '<':
      return SkipAngle(s, open, kinds);
    case '{':
      return SkipBrace(s, open, kinds);
    case '$':
      // `\${x}` is JSP's way of writing `${x}` without evaluating it.
      if (!(kinds & kDollarBraceIslands) || s[open + 1] != '{' ||
          (open > 0 && s[open - 1] == '\\'))
        return open;
      return PastBraces(s, open, open + 1);
    default:
      return open;
  }
}

uint32_t LiteralBlockEnd(std::string_view text, uint32_t begin, uint32_t end) {
  std::string_view tag = text.substr(begin, end - begin);
  if (!tag.starts_with("{%")) return end;
  size_t word = tag.find_first_not_of(" \t\r\n-~", 2);
  if (word == std::string_view::npos) return end;
  std::string_view name = tag.substr(word);
  std::string_view close;
  if (name.starts_with("raw")) close = "endraw";
  if (name.starts_with("verbatim")) close = "endverbatim";
  if (close.empty()) return end;
  for (size_t at = text.find("{%", end); at != std::string_view::npos;
       at = text.find("{%", at + 2)) {
    size_t w = text.find_first_not_of(" \t\r\n-~", at + 2);
    if (w != std::string_view::npos &&
        text.compare(w, close.size(), close) == 0)
      return static_cast<uint32_t>(at);
  }
  // Never closed: the rest is taken as written (and not searched again
  // for every later block).
  return Size(text);
}

}  // namespace psm
