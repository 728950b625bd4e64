#include "syntax/language.h"

#include <array>
#include <utility>

#include "syntax/embedded_script.h"

extern "C" {
const TSLanguage* tree_sitter_javascript();
const TSLanguage* tree_sitter_typescript();
const TSLanguage* tree_sitter_tsx();
const TSLanguage* tree_sitter_php();
}

namespace psm {
namespace {

constexpr std::array<std::pair<std::string_view, Language>, 8> kExtensions = {{
    {".js", Language::kJavaScript},
    {".mjs", Language::kJavaScript},
    {".cjs", Language::kJavaScript},
    {".jsx", Language::kJavaScript},
    {".ts", Language::kTypeScript},
    {".mts", Language::kTypeScript},
    {".cts", Language::kTypeScript},
    {".tsx", Language::kTsx},
}};

constexpr std::array<std::string_view, 2> kPhpExtensions = {".php", ".phtml"};

}  // namespace

std::string_view LanguageName(Language language) {
  switch (language) {
    case Language::kJavaScript:
      return "javascript";
    case Language::kTypeScript:
    case Language::kTsx:
      return "typescript";
    case Language::kPhp:
      return "php";
  }
  return "javascript";
}

bool IsPhpFile(std::string_view path) {
  for (std::string_view extension : kPhpExtensions) {
    if (path.size() > extension.size() && path.ends_with(extension))
      return true;
  }
  return false;
}

std::optional<Language> LanguageForPath(std::string_view path) {
  for (const auto& [extension, language] : kExtensions) {
    if (path.size() > extension.size() && path.ends_with(extension)) {
      // TypeScript declaration files describe types; they hold no payloads.
      if (path.ends_with(".d.ts")) return std::nullopt;
      return language;
    }
  }
  return std::nullopt;
}

bool IsMigratableExtension(std::string_view path) {
  return LanguageForPath(path).has_value() || IsScriptContainer(path);
}

const TSLanguage* GrammarFor(Language language) {
  switch (language) {
    case Language::kJavaScript:
      return tree_sitter_javascript();
    case Language::kTypeScript:
      return tree_sitter_typescript();
    case Language::kTsx:
      return tree_sitter_tsx();
    case Language::kPhp:
      return tree_sitter_php();
  }
  return tree_sitter_javascript();
}

}  // namespace psm
