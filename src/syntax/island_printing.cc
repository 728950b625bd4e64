// What a template island does when the server renders the page: print one
// value, print nothing (a comment), or more (control flow, statements).
// Declared in syntax/island_syntax.h.

#include <array>
#include <cctype>
#include <string>

#include "syntax/island_syntax.h"

namespace psm {
namespace {

bool IsBlank(char c) { return std::isspace(static_cast<unsigned char>(c)); }

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// `s` with its quoted strings blanked: what a check for `=` or `;` must
// not look into (`{{ x|default("a=b") }}`).
std::string WithoutStrings(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    char q = out[i];
    if (q != '"' && q != '\'') continue;
    size_t k = i + 1;
    while (k < out.size() && out[k] != q) k += out[k] == '\\' ? 2 : 1;
    for (size_t j = i + 1; j < k && j < out.size(); ++j) out[j] = ' ';
    i = k;
  }
  return out;
}

// Method names that change what they are called on (`session.set(...)`,
// `list.append(x)`, `$order->reserveTotal()`, Ruby's `@amounts.shift`): a
// template printing their result runs them.
constexpr std::array<std::string_view, 26> kChangingMethods = {
    "set",   "add",     "append",  "remove",   "update",    "delete",    "put",
    "push",  "pop",     "clear",   "insert",   "save",      "write",     "send",
    "shift", "unshift", "splice",  "reserve",  "increment", "decrement", "next",
    "reset", "pull",    "consume", "dispatch", "emit"};

// PHP functions that change their argument or the world
// (`array_shift($amounts)`, `next($it)`).
constexpr std::array<std::string_view, 14> kChangingFunctions = {
    "array_shift", "array_pop", "array_push", "array_unshift", "array_splice",
    "next",        "prev",      "reset",      "end",           "each",
    "shuffle",     "header",    "setcookie",  "error_log"};

bool CallsChangingFunction(std::string_view body) {
  for (std::string_view f : kChangingFunctions) {
    for (size_t at = body.find(f); at != std::string_view::npos;
         at = body.find(f, at + 1)) {
      bool starts =
          at == 0 || !(std::isalnum(static_cast<unsigned char>(body[at - 1])) ||
                       body[at - 1] == '_' || body[at - 1] == '>' ||
                       body[at - 1] == '.' || body[at - 1] == '$');
      size_t end = at + f.size();
      while (end < body.size() && body[end] == ' ') ++end;
      if (starts && end < body.size() && body[end] == '(') return true;
    }
  }
  return false;
}

bool CallsChangingMethod(std::string_view body) {
  // `.name`, and PHP's `->name` (whose `>` is the character before it).
  for (size_t dot = body.find_first_of(".>"); dot != std::string_view::npos;
       dot = body.find_first_of(".>", dot + 1)) {
    if (body[dot] == '>' && (dot == 0 || body[dot - 1] != '-')) continue;
    size_t end = dot + 1;
    while (end < body.size() &&
           (std::isalnum(static_cast<unsigned char>(body[end])) ||
            body[end] == '_'))
      ++end;
    // Ruby calls without brackets: `@amounts.shift`.
    bool called = end < body.size() && body[end] == '(';
    bool bare = end == body.size() || body[end] == ' ';
    if (!called && !bare) continue;
    // C# and Java name them in PascalCase (`Session.Remove(...)`).
    std::string lowered(body.substr(dot + 1, end - dot - 1));
    if (!lowered.empty())
      lowered[0] = static_cast<char>(
          std::tolower(static_cast<unsigned char>(lowered[0])));
    std::string_view name = lowered;
    for (std::string_view m : kChangingMethods) {
      if (name.starts_with(m) &&
          (name.size() == m.size() ||
           std::isupper(static_cast<unsigned char>(name[m.size()]))))
        return true;
    }
  }
  return false;
}

// Whether the expression `body` only computes a value: one statement at
// most (a `;` only at its end), no assignment or update, no call of a
// method that changes something.
bool OnlyAnExpression(std::string_view raw) {
  std::string plain = WithoutStrings(raw);
  std::string_view body = Trimmed(plain);
  if (body.ends_with(';')) body.remove_suffix(1);
  if (body.empty() || body.find(';') != std::string_view::npos) return false;
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
  return !CallsChangingMethod(body) && !CallsChangingFunction(body);
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
  if (body.empty() || !IsBlank(body.front())) return false;
  body = Trimmed(body);
  if (!body.starts_with("echo") || body.size() < 5 || !IsBlank(body[4]))
    return false;
  return OnlyAnExpression(body.substr(4));
}

// Go template actions that are not a value: `{{ if .x }}`, `{{ end }}`.
constexpr std::array<std::string_view, 10> kGoKeywords = {
    "if",       "else",  "end",    "range", "with",
    "template", "block", "define", "break", "continue"};

// The body of `{{ x }}` or `{{{ x }}}` printing one value, or "" for a
// section, partial, comment, block helper or Go action (`{{#if}}`,
// `{{/if}}`, `{{^x}}`, `{{> partial}}`, `{{else}}`, `{{ range . }}`).
std::string_view MustachePrinted(std::string_view island, IslandKinds kinds) {
  bool triple = island.starts_with("{{{") && island.ends_with("}}}");
  size_t edge = triple ? 3 : 2;
  if (island.size() < 2 * edge || !island.ends_with(triple ? "}}}" : "}}"))
    return {};
  std::string_view body = island.substr(edge, island.size() - 2 * edge);
  while (!body.empty() && (body.front() == '-' || body.front() == '~'))
    body.remove_prefix(1);
  while (!body.empty() && (body.back() == '-' || body.back() == '~'))
    body.remove_suffix(1);
  body = Trimmed(body);
  if (body.empty()) return {};
  char first = body.front();
  if (first == '#' || first == '/' || first == '^' || first == '>' ||
      first == '!' || first == '<' || first == '$' || first == '*')
    return {};
  size_t word = 0;
  while (word < body.size() &&
         std::isalpha(static_cast<unsigned char>(body[word])))
    ++word;
  std::string_view keyword = body.substr(0, word);
  if (keyword == "else") return {};
  if (kinds & kGoActions) {
    for (std::string_view k : kGoKeywords) {
      if (keyword == k) return {};
    }
  }
  return body;
}

// A Razor island prints one value: `@(expression)` or an implicit
// expression (`@Model.Total`); a code block (`@{ }`) or statement (`@if`)
// does more.
bool RazorPrintsOneValue(std::string_view island) {
  if (island.starts_with("@(") && island.ends_with(")"))
    return OnlyAnExpression(island.substr(2, island.size() - 3));
  if (island.size() < 2 ||
      !(std::isalpha(static_cast<unsigned char>(island[1])) ||
        island[1] == '_'))
    return false;
  size_t word = 1;
  while (word < island.size() &&
         (std::isalnum(static_cast<unsigned char>(island[word])) ||
          island[word] == '_'))
    ++word;
  if (IsRazorStatement(island.substr(1, word - 1))) return false;
  return OnlyAnExpression(island.substr(1));
}

}  // namespace

bool IsTemplateComment(std::string_view island) {
  for (std::string_view open :
       {"{#", "{{!", "<iscomment", "<%--", "<#--", "@*", "{*", "#*", "##"}) {
    if (island.starts_with(open)) return true;
  }
  return false;
}

// Blade's `@json($p)` and `@js($p)` print one value; its other
// directives (`@if`, `@endif`, `@foreach`, `@php`) do not.
bool BladePrintsOneValue(std::string_view island) {
  for (std::string_view open : {"@json", "@js"}) {
    if (!island.starts_with(open)) continue;
    std::string_view rest = Trimmed(island.substr(open.size()));
    if (rest.starts_with("(") && rest.ends_with(")")) return true;
  }
  return false;
}

bool PrintsOneValue(std::string_view island, IslandKinds kinds) {
  if (IsTemplateComment(island)) return true;  // prints nothing
  if (kinds & kBladeIslands) {
    if (island.starts_with("{{--")) return true;  // a comment
    if (island.starts_with("{!!") && island.ends_with("!!}"))
      return OnlyAnExpression(island.substr(3, island.size() - 6));
    if (island.starts_with("@")) return BladePrintsOneValue(island);
    // `{{ $total }}`: an escaped print of a PHP expression (`$` starts a
    // variable here, not a Handlebars private name).
    if (island.starts_with("{{") && island.ends_with("}}"))
      return OnlyAnExpression(island.substr(2, island.size() - 4));
  }
  if (island.starts_with("<?") || island.starts_with("<%"))
    return AnglePrintsOneValue(island);
  if (island.starts_with("<isprint") && island.ends_with(">")) return true;
  if (island.starts_with("{{"))
    return OnlyAnExpression(MustachePrinted(island, kinds));
  for (std::string_view open : {"${", "{!", "{$", "$!{"}) {
    if (island.starts_with(open) && island.ends_with("}"))
      return OnlyAnExpression(island.substr(
          open == "{$" ? 1 : open.size(),
          island.size() - open.size() - 1 + (open == "{$" ? 1 : 0)));
  }
  if (island.starts_with("$!")) return OnlyAnExpression(island.substr(2));
  if (island.starts_with("@")) return RazorPrintsOneValue(island);
  return false;
}

}  // namespace psm
