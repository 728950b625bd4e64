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
constexpr IslandKinds kRazor = kAngleIslands | kRazorIslands;
constexpr IslandKinds kVelocity = kEl | kVelocityIslands;
constexpr IslandKinds kBlade =
    kAngleIslands | kDoubleBraceIslands | kBladeIslands;
constexpr std::array<DialectByExtension, 29> kDialects = {{
    {".blade.php", kBlade},
    {".astro", kAngleIslands | kCodeFrontmatter},
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
    {".cshtml", kRazor},
    {".vbhtml", kRazor},
    {".razor", kRazor},
    {".tpl", kAngleIslands | kSmartyIslands},
    {".vm", kVelocity},
    {".vtl", kVelocity},
}};

// Just past `close` found from `from`, or `from` itself when it is missing
// and `open_runs_to_end` is false (an unclosed island is then no island).
uint32_t PastText(std::string_view s, uint32_t open, uint32_t from,
                  std::string_view close, bool open_runs_to_end = true) {
  size_t at = s.find(close, from);
  if (at == std::string_view::npos) return open_runs_to_end ? Size(s) : open;
  return static_cast<uint32_t>(at + close.size());
}

// Just past the `close_char` matching the `open_char` at `at`, quoted
// strings skipped (`${order.label('x}')}`); `at` itself when they do not
// close within kLongestExpression bytes: a stray `${` is text, not an
// island running to the end of the file, and the bound keeps a file of
// many stray ones linear.
constexpr uint32_t kLongestExpression = 4096;
uint32_t PastPair(std::string_view s, uint32_t at, char open_char,
                  char close_char) {
  int depth = 0;
  uint32_t stop = static_cast<uint32_t>(
      std::min<size_t>(s.size(), at + kLongestExpression));
  for (uint32_t i = at; i < stop; ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      uint32_t k = i + 1;
      while (k < stop && s[k] != c) k += s[k] == '\\' ? 2 : 1;
      i = k;
    } else if (c == open_char) {
      ++depth;
    } else if (c == close_char && --depth == 0) {
      return i + 1;
    }
  }
  return at;
}

// Just past the '}' closing the '{' at `brace`; `open` (the island's
// start) when it does not close.
uint32_t PastBraces(std::string_view s, uint32_t open, uint32_t brace) {
  uint32_t past = PastPair(s, brace, '{', '}');
  return past == brace ? open : past;
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

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Just past the identifier starting at `at` (`at` when none does).
uint32_t PastWord(std::string_view s, uint32_t at) {
  if (at >= s.size() || std::isdigit(static_cast<unsigned char>(s[at])))
    return at;
  while (at < s.size() && IsWordByte(s[at])) ++at;
  return at;
}

uint32_t PastBlanks(std::string_view s, uint32_t at) {
  while (at < s.size() && std::isspace(static_cast<unsigned char>(s[at]))) ++at;
  return at;
}

template <size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& of) {
  return std::find(of.begin(), of.end(), word) != of.end();
}

// Smarty's tags (with `auto_literal`, a `{` before a blank is text):
// `{$cart.total|escape}`, `{/if}`, `{* note *}` and the built-in and
// PrestaShop functions by name. `{type:'x'}` is JavaScript to the tool,
// though Smarty would take it for a tag (and fail on it).
constexpr std::array<std::string_view, 24> kSmartyTags = {
    "if",     "elseif",  "else",    "foreach", "foreachelse", "section",
    "assign", "include", "capture", "literal", "strip",       "function",
    "block",  "extends", "nocache", "while",   "for",         "ldelim",
    "rdelim", "l",       "url",     "hook",    "widget",      "append"};

uint32_t SkipSmarty(std::string_view s, uint32_t open) {
  std::string_view rest = s.substr(open);
  if (rest.starts_with("{*")) return PastText(s, open, open + 2, "*}");
  if (rest.starts_with("{$")) return PastBraces(s, open, open);
  uint32_t name = open + (rest.starts_with("{/") ? 2 : 1);
  uint32_t end = PastWord(s, name);
  if (end == name || end >= s.size() ||
      !OneOf(s.substr(name, end - name), kSmartyTags))
    return open;
  if (s[end] != '}' && !std::isspace(static_cast<unsigned char>(s[end])))
    return open;
  return PastBraces(s, open, open);
}

// Razor's statements: `@if (a) { } else { }`, `@foreach (...) { }`.
constexpr std::array<std::string_view, 13> kRazorStatements = {
    "if",    "for",  "foreach", "while",     "switch", "do",    "try",
    "using", "lock", "section", "functions", "code",   "helper"};
constexpr std::array<std::string_view, 4> kRazorContinuations = {
    "else", "catch", "finally", "while"};

// Just past a Razor statement whose keyword ends at `at`: a section's
// name, the parentheses, the block, and the `else`/`catch` parts that
// follow. `open` when its parentheses or block do not close.
uint32_t PastRazorStatement(std::string_view s, uint32_t open, uint32_t at) {
  for (;;) {
    uint32_t k = PastBlanks(s, at);
    k = PastBlanks(s, PastWord(s, k));  // `@section Scripts {`
    if (k < s.size() && s[k] == '(') {
      uint32_t past = PastPair(s, k, '(', ')');
      if (past == k) return open;
      at = past;
      k = PastBlanks(s, past);
    }
    if (k >= s.size() || s[k] != '{') return at;
    uint32_t past = PastPair(s, k, '{', '}');
    if (past == k) return open;
    at = past;
    k = PastBlanks(s, at);
    uint32_t word = PastWord(s, k);
    if (!OneOf(s.substr(k, word - k), kRazorContinuations)) return at;
    at = word;  // `else`, then an `if` is taken as the section name above
  }
}

// Razor: `@* *@`, `@(expression)`, `@{ code }`, statements, and implicit
// expressions (`@Model.Lines[0].Total.ToString("0.00")`). An `@` after a
// letter or digit is an e-mail address's, and `@@` an escaped `@`.
uint32_t SkipRazor(std::string_view s, uint32_t open) {
  std::string_view rest = s.substr(open);
  if (rest.starts_with("@*")) return PastText(s, open, open + 2, "*@");
  if (rest.starts_with("@@") ||
      (open > 0 && (IsWordByte(s[open - 1]) || s[open - 1] == '@')))
    return open;
  if (rest.starts_with("@(")) {
    uint32_t past = PastPair(s, open + 1, '(', ')');
    return past == open + 1 ? open : past;
  }
  if (rest.starts_with("@{")) return PastBraces(s, open, open + 1);
  uint32_t at = PastWord(s, open + 1);
  if (at == open + 1) return open;
  if (IsRazorStatement(s.substr(open + 1, at - open - 1)))
    return PastRazorStatement(s, open, at);
  while (at < s.size()) {
    char c = s[at];
    if (c == '.' && PastWord(s, at + 1) > at + 1) {
      at = PastWord(s, at + 1);
    } else if (c == '(' || c == '[') {
      uint32_t past = PastPair(s, at, c, c == '(' ? ')' : ']');
      if (past == at) break;
      at = past;
    } else {
      break;
    }
  }
  return at;
}

// Blade's directives: `@json($p)`, `@if ($x)`, `@endif`, `@csrf`, and
// `@php ... @endphp`. `@@x` and `a@b` (an address) are text.
uint32_t SkipBlade(std::string_view s, uint32_t open) {
  if (open + 1 >= s.size() || s[open + 1] == '@' ||
      (open > 0 && (IsWordByte(s[open - 1]) || s[open - 1] == '@')))
    return open;
  uint32_t at = PastWord(s, open + 1);
  if (at == open + 1) return open;
  std::string_view word = s.substr(open + 1, at - open - 1);
  if (word == "php") {
    uint32_t after = at;
    while (after < s.size() && (s[after] == ' ' || s[after] == '\t')) ++after;
    if (after >= s.size() || s[after] != '(')
      return PastText(s, open, at, "@endphp");
  }
  uint32_t paren = at;
  while (paren < s.size() && (s[paren] == ' ' || s[paren] == '\t')) ++paren;
  if (paren < s.size() && s[paren] == '(') {
    uint32_t past = PastPair(s, paren, '(', ')');
    return past == paren ? at : past;
  }
  return at;
}

// Velocity's directives: `#if(...)`, `#set(...)`, `#else`, `#end`, and its
// comments `## to the line's end` and `#* *#`. `#endDate` is no directive,
// and neither is a private field (`this.#total`).
constexpr std::array<std::string_view, 13> kVelocityDirectives = {
    "if",      "elseif", "else",   "end",      "foreach", "set", "parse",
    "include", "macro",  "define", "evaluate", "break",   "stop"};

uint32_t SkipVelocity(std::string_view s, uint32_t open) {
  std::string_view rest = s.substr(open);
  if (rest.starts_with("#*")) return PastText(s, open, open + 2, "*#");
  if (rest.starts_with("##")) {
    size_t line_end = s.find('\n', open);
    return line_end == std::string_view::npos ? Size(s)
                                              : static_cast<uint32_t>(line_end);
  }
  uint32_t name = open + (rest.starts_with("#{") ? 2 : 1);
  uint32_t end = PastWord(s, name);
  if (!OneOf(s.substr(name, end - name), kVelocityDirectives)) return open;
  if (name == open + 2) {  // `#{else}`
    if (end >= s.size() || s[end] != '}') return open;
    ++end;
  }
  uint32_t k = PastBlanks(s, end);
  if (k < s.size() && s[k] == '(') {
    uint32_t past = PastPair(s, k, '(', ')');
    return past == k ? open : past;
  }
  return end;
}

uint32_t SkipBrace(std::string_view s, uint32_t open, IslandKinds kinds) {
  std::string_view rest = s.substr(open);
  if (kinds & kBladeIslands) {
    if (rest.starts_with("{!!")) return PastText(s, open, open + 3, "!!}");
    if (rest.starts_with("{{--")) return PastText(s, open, open + 4, "--}}");
  }
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
  if (kinds & kSmartyIslands) return SkipSmarty(s, open);
  return open;
}

}  // namespace

bool IsRazorStatement(std::string_view word) {
  return OneOf(word, kRazorStatements);
}

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
    case '@':
      if (kinds & kBladeIslands) return SkipBlade(s, open);
      return (kinds & kRazorIslands) ? SkipRazor(s, open) : open;
    case '#':
      return (kinds & kVelocityIslands) ? SkipVelocity(s, open) : open;
    case '$':
      // Velocity's quiet reference: `$!{x}`, `$!x`.
      if ((kinds & kVelocityIslands) && s[open + 1] == '!') {
        if (open + 2 < s.size() && s[open + 2] == '{')
          return PastBraces(s, open, open + 2);
        uint32_t past = PastWord(s, open + 2);
        return past == open + 2 ? open : past;
      }
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
  if (tag == "{literal}") {  // Smarty's
    size_t close = text.find("{/literal}", end);
    return close == std::string_view::npos ? Size(text)
                                           : static_cast<uint32_t>(close);
  }
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
