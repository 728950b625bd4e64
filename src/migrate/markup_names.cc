#include "migrate/markup_names.h"

#include <algorithm>
#include <string>

#include "common/strings.h"
#include "find/object_builder.h"

namespace psm {
namespace {

// Whether the word at `at` of the markup `text` is where a template or
// binding can read a script's variable: inside a tag (an attribute, as
// Knockout's `data-bind`, Alpine's `x-text`, Vue's `:amount`) or inside
// braces (`{{ payload.amount }}`, Svelte's `{payload.amount}`). A tag's
// own name (`<p>` for a payload `p`) and the page's text ("your payload is
// sent") are not, unless the template is written in an indentation
// language without either (Pug's `p= payload.amount`).
bool WhereBindingsRead(std::string_view text, size_t at, bool indented) {
  if (at > 0 && (text[at - 1] == '<' ||
                 (at > 1 && text[at - 1] == '/' && text[at - 2] == '<')))
    return false;
  if (indented) return true;
  std::string_view before = text.substr(0, at);
  size_t lt = before.rfind('<');
  size_t gt = before.rfind('>');
  if (lt != std::string_view::npos && (gt == std::string_view::npos || gt < lt))
    return true;
  size_t open = before.rfind('{');
  size_t close = before.rfind('}');
  return open != std::string_view::npos &&
         (close == std::string_view::npos || close < open);
}

// The first offset where `name` stands as a word in the markup, i.e. where
// the script view blanked the text, and where a binding may read it; npos
// when nowhere.
size_t InMarkup(std::string_view text, std::string_view view,
                std::string_view name) {
  bool indented = FindNoCase(text, "lang=\"pug\"") != std::string_view::npos ||
                  FindNoCase(text, "lang='pug'") != std::string_view::npos ||
                  FindNoCase(text, "lang=\"jade\"") != std::string_view::npos;
  for (size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    if (IsWholeIdentifierAt(text, at, name.size()) && view[at] != text[at] &&
        WhereBindingsRead(text, at, indented))
      return at;
  }
  return std::string_view::npos;
}

}  // namespace

void ObserveMarkupNames(std::string_view text, std::string_view view,
                        std::vector<CallSite>* sites) {
  if (view.size() != text.size()) return;
  for (CallSite& site : *sites) {
    for (const std::string& name : site.module_names) {
      size_t at = InMarkup(text, view, name);
      if (at == std::string_view::npos) continue;
      int line = 1 + static_cast<int>(
                         std::count(text.begin(), text.begin() + at, '\n'));
      site.observers.push_back(
          {"", Quote(name) + " also appears in the markup at line " +
                   std::to_string(line) +
                   ", where a template or binding may read it"});
    }
  }
}

}  // namespace psm
