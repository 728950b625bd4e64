#ifndef PSM_SYNTAX_ISLAND_SYNTAX_H_
#define PSM_SYNTAX_ISLAND_SYNTAX_H_

#include <cstdint>
#include <string_view>

namespace psm {

// The kinds of server-side template code ("islands") a markup file's
// template language writes into its pages, scripts included. A JavaScript
// parser cannot read them, so the script view masks them (see
// MaskScriptContainer) and an edit across one is judged by what it does
// (CodeIslandIn).
enum IslandKind : uint8_t {
  kAngleIslands = 1,        // `<?php ?>`, `<?= ?>`, `<% %>`: every markup file
  kDollarBraceIslands = 2,  // `${...}`: JSP, ISML, GSP, FreeMarker
  kIsmlTagIslands = 4,      // `<isprint .../>`, `<isif ...>`, `</isif>`
  kFreeMarkerIslands = 8,   // `<#if ...>`, `</#if>`, `<@macro/>`
  kCurlyIslands = 16,       // `{{ }}`, `{{{ }}}`, `{% %}`, `{# #}`: Twig,
                            // Jinja, Nunjucks, Liquid, Handlebars, Go
  kVisualforceIslands = 32  // `{!expression}`
};
using IslandKinds = uint8_t;

// The island kinds of the markup file `path`, by its extension.
IslandKinds IslandKindsFor(std::string_view path);

// Just past the template island starting at `open`, or `open` when none of
// `kinds` starts there. An island left open runs to the end.
uint32_t SkipIsland(std::string_view text, uint32_t open,
                    IslandKinds kinds = kAngleIslands);

// Whether the island `island` (opener to closer) prints one value and runs
// nothing else: `<?= x ?>`, `<?php echo x; ?>`, `<%= x %>`, `${x}`,
// `<isprint value="${x}"/>`, `{{ x }}`, `{!x}`. Control flow, statements,
// assignments and comments do not.
bool PrintsOneValue(std::string_view island);

}  // namespace psm

#endif  // PSM_SYNTAX_ISLAND_SYNTAX_H_
