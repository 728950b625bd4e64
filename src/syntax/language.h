#ifndef PSM_SYNTAX_LANGUAGE_H_
#define PSM_SYNTAX_LANGUAGE_H_

#include <optional>
#include <string_view>

struct TSLanguage;

namespace psm {

// The grammars the tool parses with. JavaScript's grammar includes JSX.
enum class Language { kJavaScript, kTypeScript, kTsx };

// The grammar for a file name, by extension; nullopt when the tool does not
// handle that kind of file.
std::optional<Language> LanguageForPath(std::string_view path);

// True for the extensions a directory walk picks up.
bool IsMigratableExtension(std::string_view path);

const TSLanguage* GrammarFor(Language language);

}  // namespace psm

#endif  // PSM_SYNTAX_LANGUAGE_H_
