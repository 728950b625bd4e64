#include "syntax/island_syntax.h"

#include <array>
#include <cctype>

namespace psm {
namespace {

uint32_t Size(std::string_view s) { return static_cast<uint32_t>(s.size()); }

std::string_view TrimmedRight(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

// Whether the PHP or EJS/ERB expression `body` only computes a value: one
// statement at most (a `;` only at its end) and no assignment or update.
bool OnlyAnExpression(std::string_view body) {
  body = TrimmedRight(body);
  if (body.ends_with(';')) body.remove_suffix(1);
  if (body.find(';') != std::string_view::npos) return false;
  if (body.find("++") != std::string_view::npos ||
      body.find("--") != std::string_view::npos) {
    return false;
  }
  for (size_t i = body.find('='); i != std::string_view::npos;
       i = body.find('=', i + 1)) {
    char before = i > 0 ? body[i - 1] : ' ';
    char after = i + 1 < body.size() ? body[i + 1] : ' ';
    bool compares = after == '=' || after == '>' || before == '=' ||
                    before == '!' || before == '<' || before == '>';
    if (!compares) return false;  // `=`, `+=`, `.=`, ...
  }
  return true;
}

// Whether the `<? ?>` or `<% %>` island prints one value: `<?= x ?>`,
// `<?php echo x; ?>`, `<%= x %>`, `<%- x %>`.
bool AnglePrintsOneValue(std::string_view island) {
  bool closed = island.ends_with("?>") || island.ends_with("%>");
  if (!closed || island.size() < 4) return false;
  std::string_view body = island.substr(2, island.size() - 4);
  if (body.starts_with("=") || (island[1] == '%' && body.starts_with("-")))
    return OnlyAnExpression(body.substr(1));
  if (!body.starts_with("php")) return false;
  body.remove_prefix(3);
  size_t word = body.find_first_not_of(" \t\r\n");
  if (word == 0 || word == std::string_view::npos) return false;
  body.remove_prefix(word);
  if (!body.starts_with("echo") || body.size() < 5 ||
      !std::isspace(static_cast<unsigned char>(body[4]))) {
    return false;
  }
  return OnlyAnExpression(body.substr(4));
}

// Template languages whose islands are more than `<? ?>` and `<% %>`.
struct DialectByExtension {
  std::string_view extension;
  IslandKinds kinds;
};
constexpr IslandKinds kCurly = kAngleIslands | kCurlyIslands;
constexpr std::array<DialectByExtension, 21> kDialects = {{
    {".isml", kAngleIslands | kDollarBraceIslands | kIsmlTagIslands},
    {".jsp", kAngleIslands | kDollarBraceIslands},
    {".jspf", kAngleIslands | kDollarBraceIslands},
    {".gsp", kAngleIslands | kDollarBraceIslands},
    {".ftl", kAngleIslands | kDollarBraceIslands | kFreeMarkerIslands},
    {".ftlh", kAngleIslands | kDollarBraceIslands | kFreeMarkerIslands},
    {".twig", kCurly},
    {".njk", kCurly},
    {".liquid", kCurly},
    {".j2", kCurly},
    {".jinja", kCurly},
    {".jinja2", kCurly},
    {".hbs", kCurly},
    {".handlebars", kCurly},
    {".mustache", kCurly},
    {".volt", kCurly},
    {".tmpl", kCurly},
    {".mako", kAngleIslands | kDollarBraceIslands},
    {".page", kAngleIslands | kVisualforceIslands},
    {".component", kAngleIslands | kVisualforceIslands},
    {".cfm", kAngleIslands},
}};

// The byte just past `close` found from `from`, or the end.
uint32_t PastText(std::string_view s, uint32_t from, std::string_view close) {
  size_t at = s.find(close, from);
  return at == std::string_view::npos ? Size(s)
                                      : Size(s.substr(0, at)) + Size(close);
}

// Just past the '}' that closes the '{' at `open`, quoted strings skipped
// (`${order.label('x}')}`), or the end.
uint32_t PastBraces(std::string_view s, uint32_t open) {
  int depth = 0;
  for (uint32_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      uint32_t k = i + 1;
      while (k < s.size() && s[k] != c) k += s[k] == '\\' ? 2 : 1;
      i = k;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return Size(s);
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

bool LowerAt(std::string_view s, size_t at) {
  return at < s.size() && std::islower(static_cast<unsigned char>(s[at]));
}

uint32_t SkipAngle(std::string_view s, uint32_t open, IslandKinds kinds) {
  std::string_view rest = s.substr(open);
  char kind = rest.size() > 1 ? rest[1] : 0;
  if ((kinds & kAngleIslands) && (kind == '?' || kind == '%')) {
    const char close[2] = {kind, '>'};
    return PastText(s, open + 2, std::string_view(close, 2));
  }
  size_t name = rest.starts_with("</") ? 2 : 1;
  if ((kinds & kIsmlTagIslands) && rest.substr(name).starts_with("is") &&
      LowerAt(rest, name + 2)) {
    if (rest.starts_with("<iscomment"))
      return PastText(s, open, "</iscomment>");
    return PastTag(s, open);
  }
  if ((kinds & kFreeMarkerIslands) && rest.size() > name &&
      (rest[name] == '#' || rest[name] == '@')) {
    return PastTag(s, open);
  }
  return open;
}

uint32_t SkipCurly(std::string_view s, uint32_t open, IslandKinds kinds) {
  std::string_view rest = s.substr(open);
  if (kinds & kCurlyIslands) {
    if (rest.starts_with("{{{")) return PastText(s, open + 3, "}}}");
    if (rest.starts_with("{{")) return PastText(s, open + 2, "}}");
    if (rest.starts_with("{%")) return PastText(s, open + 2, "%}");
    if (rest.starts_with("{#")) return PastText(s, open + 2, "#}");
  }
  if ((kinds & kVisualforceIslands) && rest.starts_with("{!"))
    return PastBraces(s, open);
  return open;
}

// The expression a `${x}`, `{{ x }}`, `{{{ x }}}` or `{!x}` island prints.
std::string_view PrintedExpression(std::string_view island) {
  for (std::string_view open : {"${", "{{{", "{{", "{!"}) {
    if (!island.starts_with(open)) continue;
    std::string_view close = open == "{{{" ? "}}}" : open == "{{" ? "}}" : "}";
    if (!island.ends_with(close) || island.size() < open.size() + close.size())
      return {};
    return island.substr(open.size(),
                         island.size() - open.size() - close.size());
  }
  return {};
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
      return SkipCurly(s, open, kinds);
    case '$':
      return (kinds & kDollarBraceIslands) && s[open + 1] == '{'
                 ? PastBraces(s, open + 1)
                 : open;
    default:
      return open;
  }
}

bool PrintsOneValue(std::string_view island) {
  if (island.starts_with("<?") || island.starts_with("<%"))
    return AnglePrintsOneValue(island);
  if (island.starts_with("<isprint") && island.ends_with(">")) return true;
  std::string_view printed = PrintedExpression(island);
  return printed.find_first_not_of(" \t\r\n") != std::string_view::npos &&
         OnlyAnExpression(printed);
}

}  // namespace psm
