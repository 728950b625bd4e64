#ifndef PSM_SYNTAX_LANGUAGE_H_
#define PSM_SYNTAX_LANGUAGE_H_

#include <optional>
#include <string_view>

struct TSLanguage;

namespace psm {

// The grammars the tool parses with. JavaScript's grammar includes JSX;
// PHP's reads a whole PHP file or template, HTML text included.
enum class Language { kJavaScript, kTypeScript, kTsx, kPhp };

// "javascript", "typescript" or "php", as reports name a site's language.
std::string_view LanguageName(Language language);

// The grammar for a file name, by extension; nullopt when the tool does not
// handle that kind of file.
std::optional<Language> LanguageForPath(std::string_view path);

// True for files that hold PHP code: PHP scripts and templates (.php,
// .phtml). They may hold <script> JavaScript as well.
bool IsPhpFile(std::string_view path);

// True for the extensions a directory walk picks up.
bool IsMigratableExtension(std::string_view path);

const TSLanguage* GrammarFor(Language language);

}  // namespace psm

#endif  // PSM_SYNTAX_LANGUAGE_H_
