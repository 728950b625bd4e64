#ifndef PSM_SYNTAX_EMBEDDED_SCRIPT_H_
#define PSM_SYNTAX_EMBEDDED_SCRIPT_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/byte_range.h"
#include "syntax/island_syntax.h"
#include "syntax/language.h"

namespace psm {

// True for files that embed JavaScript in markup: HTML, Vue single-file
// components, Svelte components, PHP templates (.php .phtml), EJS and ERB
// templates.
bool IsScriptContainer(std::string_view path);

// A template (Pug, Haml, Slim) whose scripts the tool cannot pick out:
// whatever it names, it may read.
bool IsOpaqueTemplate(std::string_view path);

// A view of a container file that a JavaScript parser can read: the same
// length as the original, with every byte outside its JavaScript regions
// blanked (line breaks kept) and every template island inside them
// (`<?php ?>`, `<?= ?>`, `<% %>`) replaced by identifier characters. Byte
// offsets are therefore the same in the view and in the file, so edits
// planned on the view apply to the file unchanged.
//
// The regions are <script> bodies that hold JavaScript (`text/plain` too:
// consent managers run those later) and event-handler attribute values
// (`onclick="..."`, Vue's `@click` / `v-on:`, Svelte's `on:click={...}` and
// other `{...}` values). Each handler is fenced by `;` in the filler bytes
// around it, so it parses as statements of its own. Comments, template
// islands, <textarea>, <title>, <style>, <noscript> and the like are not
// script, whatever they contain.
struct ScriptView {
  std::string text;
  Language language = Language::kJavaScript;  // TypeScript for lang="ts"
  std::vector<ByteRange> regions;             // in file order
  // Handler values written with character references (`&quot;`): the
  // browser runs the decoded text, not these bytes, so an edit planned on
  // them could be wrong. Left out of the view, for a person to migrate.
  std::vector<ByteRange> encoded_handlers;
  // The template islands masked in the scripts (IslandKindsFor the file).
  IslandKinds islands = kAngleIslands;
};

// A masked island, as code reading a script view meets it: a run of at
// least kShortestMask underscores (`<?= $t ?>` is 9, `${t}` 4), which no
// one writes as a name or a value. What the server prints there is not
// known.
inline constexpr std::string_view kShortestMask = "____";
inline bool HoldsMaskedIsland(std::string_view text) {
  return text.find(kShortestMask) != std::string_view::npos;
}

ScriptView MaskScriptContainer(std::string_view text,
                               IslandKinds islands = kAngleIslands);

// True when `after` has the markup of `before` around the same number of
// regions: an edit inside a region did not end an attribute or a script
// early (a quote or `</script>` in the inserted text).
bool SameMarkup(std::string_view before, const ScriptView& before_view,
                std::string_view after, const ScriptView& after_view);

}  // namespace psm

#endif  // PSM_SYNTAX_EMBEDDED_SCRIPT_H_
