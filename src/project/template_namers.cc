// Linker::TemplateNamers: the component templates a module names.
#include <set>
#include <string>
#include <vector>

#include "common/strings.h"
#include "io/file_io.h"
#include "project/module_linker.h"
#include "project/module_paths.h"
#include "syntax/language.h"

namespace psm {
namespace {

// The file names of the templates `text` names (`template: 'A_B/c/d'` ->
// "d.html", Angular's `templateUrl: './pay.component.html'`), each once;
// and the inline templates it writes out (`template: \`<p>{{ x }}</p>\``).
std::set<std::string> TemplateFileNames(
    std::string_view text, std::vector<std::string_view>* inline_templates) {
  std::set<std::string> names;
  constexpr std::string_view kKey = "template";
  for (size_t at = text.find(kKey); at != std::string_view::npos;
       at = text.find(kKey, at + kKey.size())) {
    size_t i = at + kKey.size();
    if (text.substr(i, 3) == "Url") i += 3;
    // `template: '...'` or `'template': '...'`
    if (i < text.size() && (text[i] == '\'' || text[i] == '"')) ++i;
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size() || text[i] != ':') continue;
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < text.size() && text[i] == '`') {
      size_t end = text.find('`', i + 1);
      if (end != std::string_view::npos)
        inline_templates->push_back(text.substr(i + 1, end - i - 1));
      continue;
    }
    if (i >= text.size() || (text[i] != '\'' && text[i] != '"')) continue;
    size_t end = text.find(text[i], i + 1);
    if (end == std::string_view::npos) continue;
    std::string_view path = text.substr(i + 1, end - i - 1);
    std::string_view file = path.substr(path.rfind('/') + 1);
    if (file.empty() || file.find_first_of(" <>{}") != std::string_view::npos)
      continue;
    std::string name(file);
    if (name.find('.') == std::string::npos) name += ".html";
    names.insert(std::move(name));
  }
  return names;
}

}  // namespace

std::vector<std::string> Linker::TemplateNamers(const std::string& module,
                                                const std::string& name) {
  std::vector<std::string> namers;
  const Module* m = cache_.Load(module);
  if (!m) return namers;
  std::vector<std::string_view> inline_templates;
  std::set<std::string> templates =
      TemplateFileNames(m->text, &inline_templates);
  for (std::string_view t : inline_templates) {
    if (!WordsAt(t, name).empty()) {
      namers.push_back(options_.display(module) + " (its inline template)");
      break;
    }
  }
  if (templates.empty()) return namers;
  for (const std::string& file : ProjectFiles()) {
    std::string_view base(file);
    base = base.substr(base.rfind('/') + 1);
    if (!templates.contains(std::string(base))) continue;
    SourceFile read = ReadSourceFile(file, kDefaultMaxFileBytes);
    if (read.error.empty() && !WordsAt(read.text, name).empty())
      namers.push_back(options_.display(file));
  }
  return namers;
}

std::vector<std::string> Linker::ImporterTemplateNamers(
    const std::string& module, const std::string& name) {
  std::vector<std::string> namers;
  std::set<uint32_t> importers;
  for (const std::string& stem : SpecifierStems(module)) {
    // The longest word of the stem (`service` of `payment.service`).
    std::string_view word;
    ForEachWord(stem, [&](std::string_view w) {
      if (w.size() > word.size()) word = w;
    });
    if (word.empty()) continue;
    for (uint32_t i : FilesNaming(std::string(word))) importers.insert(i);
  }
  std::string self = AbsolutePath(module);
  for (uint32_t i : importers) {
    std::string file = AbsolutePath(ProjectFiles()[i]);
    if (file == self || !LanguageForPath(file)) continue;
    SourceFile read = ReadSourceFile(file, kDefaultMaxFileBytes);
    if (!read.error.empty() || read.text.find("template") == std::string::npos)
      continue;
    for (std::string& t : TemplateNamers(file, name))
      namers.push_back(std::move(t));
  }
  return namers;
}

}  // namespace psm
