#include "syntax/embedded_script.h"

#include <array>
#include <cctype>

namespace psm {
namespace {

constexpr std::array<std::string_view, 8> kContainers = {
    ".html", ".htm", ".vue", ".php", ".phtml", ".ejs", ".erb", ".svelte"};

// Script types that hold JavaScript; anything else (templates, JSON) is not.
constexpr std::array<std::string_view, 7> kScriptTypes = {
    "",           "text/javascript", "application/javascript", "module",
    "text/babel", "text/jsx",        "text/typescript"};

char Lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

size_t FindNoCase(std::string_view s, std::string_view what, size_t from) {
  for (size_t i = from; i + what.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < what.size() && Lower(s[i + k]) == what[k]) ++k;
    if (k == what.size()) return i;
  }
  return std::string_view::npos;
}

// The value of attribute `name` in an opening tag's text, lower-cased.
std::string Attribute(std::string_view tag, std::string_view name) {
  for (size_t at = FindNoCase(tag, name, 0); at != std::string_view::npos;
       at = FindNoCase(tag, name, at + 1)) {
    bool starts =
        at > 0 && std::isspace(static_cast<unsigned char>(tag[at - 1]));
    size_t i = at + name.size();
    while (i < tag.size() && tag[i] == ' ') ++i;
    if (!starts || i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && tag[i] == ' ') ++i;
    char quote =
        i < tag.size() && (tag[i] == '"' || tag[i] == '\'') ? tag[i] : 0;
    size_t begin = quote ? i + 1 : i;
    size_t end = begin;
    while (end < tag.size() &&
           (quote ? tag[end] != quote
                  : !std::isspace(static_cast<unsigned char>(tag[end])) &&
                        tag[end] != '>'))
      ++end;
    std::string value(tag.substr(begin, end - begin));
    for (char& c : value) c = Lower(c);
    return value;
  }
  return "";
}

bool HoldsJavaScript(std::string_view tag) {
  std::string type = Attribute(tag, "type");
  for (std::string_view t : kScriptTypes) {
    if (type == t) return true;
  }
  return false;
}

// End of the opening tag starting at `open` (just past '>'), quotes aware.
size_t TagEnd(std::string_view s, size_t open) {
  char quote = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (quote) {
      if (s[i] == quote) quote = 0;
    } else if (s[i] == '"' || s[i] == '\'') {
      quote = s[i];
    } else if (s[i] == '>') {
      return i + 1;
    }
  }
  return s.size();
}

// Replaces template islands in [begin, end) of `view` by filler.
void MaskIslands(std::string& view, size_t begin, size_t end) {
  std::string_view s = view;
  for (size_t i = begin; i + 1 < end; ++i) {
    bool php = s[i] == '<' && s[i + 1] == '?';
    bool ejs = s[i] == '<' && s[i + 1] == '%';
    if (!php && !ejs) continue;
    size_t close = s.find(php ? "?>" : "%>", i + 2);
    size_t stop =
        close == std::string_view::npos || close + 2 > end ? end : close + 2;
    for (size_t k = i; k < stop; ++k) {
      if (view[k] != '\n' && view[k] != '\r') view[k] = '_';
    }
    i = stop - 1;
  }
}

}  // namespace

bool IsScriptContainer(std::string_view path) {
  for (std::string_view ext : kContainers) {
    if (path.size() > ext.size() && path.ends_with(ext)) return true;
  }
  return false;
}

ScriptView MaskScriptContainer(std::string_view text) {
  ScriptView view;
  view.text.assign(text.size(), ' ');
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') view.text[i] = text[i];
  }
  for (size_t open = FindNoCase(text, "<script", 0);
       open != std::string_view::npos;
       open = FindNoCase(text, "<script", open + 7)) {
    size_t after = open + 7;
    if (after < text.size() &&
        !std::isspace(static_cast<unsigned char>(text[after])) &&
        text[after] != '>') {
      continue;  // <scripts>, <script-foo>
    }
    size_t body = TagEnd(text, open);
    std::string_view tag = text.substr(open, body - open);
    size_t close = FindNoCase(text, "</script", body);
    if (close == std::string_view::npos) close = text.size();
    if (!HoldsJavaScript(tag)) continue;
    std::string lang = Attribute(tag, "lang");
    if (lang == "ts" || lang == "typescript" ||
        Attribute(tag, "type") == "text/typescript") {
      view.language = Language::kTypeScript;
    }
    for (size_t k = body; k < close; ++k) view.text[k] = text[k];
    MaskIslands(view.text, body, close);
    ++view.scripts;
    open = close;
  }
  return view;
}

}  // namespace psm
