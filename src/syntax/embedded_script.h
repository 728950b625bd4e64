#ifndef PSM_SYNTAX_EMBEDDED_SCRIPT_H_
#define PSM_SYNTAX_EMBEDDED_SCRIPT_H_

#include <optional>
#include <string>
#include <string_view>

#include "syntax/language.h"

namespace psm {

// True for files that embed JavaScript in markup: HTML, Vue single-file
// components, PHP templates (.php .phtml), EJS and ERB templates.
bool IsScriptContainer(std::string_view path);

// A view of a container file that a JavaScript parser can read: the same
// length as the original, with every byte outside <script> blocks blanked
// (line breaks kept) and every template island inside them (`<?php ?>`,
// `<?= ?>`, `<% %>`) replaced by identifier characters. Byte offsets are
// therefore the same in the view and in the file, so edits planned on the
// view apply to the file unchanged.
struct ScriptView {
  std::string text;
  Language language = Language::kJavaScript;  // TypeScript for lang="ts"
  int scripts = 0;                            // <script> blocks found
};

ScriptView MaskScriptContainer(std::string_view text);

}  // namespace psm

#endif  // PSM_SYNTAX_EMBEDDED_SCRIPT_H_
