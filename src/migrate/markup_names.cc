#include "migrate/markup_names.h"

#include <algorithm>
#include <string>

#include "common/strings.h"
#include "find/object_builder.h"

namespace psm {
namespace {

// The first offset where `name` stands as a word in the markup, i.e. where
// the script view blanked the text; npos when nowhere.
size_t InMarkup(std::string_view text, std::string_view view,
                std::string_view name) {
  for (size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    if (IsWholeIdentifierAt(text, at, name.size()) && view[at] != text[at])
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
