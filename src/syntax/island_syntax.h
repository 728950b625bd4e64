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
enum IslandKind : uint16_t {
  kAngleIslands = 1,         // `<?php ?>`, `<?= ?>`, `<% %>`: every markup file
  kDollarBraceIslands = 2,   // `${...}`: JSP, ISML, GSP, FreeMarker, Mako
  kIsmlTagIslands = 4,       // `<isprint .../>`, `<isif ...>`, `</isif>`
  kFreeMarkerIslands = 8,    // `<#if ...>`, `</#if>`, `<@macro/>`
  kDoubleBraceIslands = 16,  // `{{ }}`, `{{{ }}}`: Twig, Jinja, Nunjucks,
                             // Liquid, Handlebars, Mustache, Go templates
  kBlockTagIslands = 32,     // `{% %}`: Twig, Jinja, Nunjucks, Volt, Liquid
  kHashCommentIslands = 64,  // `{# #}`: Twig, Jinja, Nunjucks, Volt
  kVisualforceIslands = 128,  // `{!expression}`
  kGoActions = 256,     // `{{ }}` holds Go's actions (`{{ if }}`, `{{ end }}`)
  kRazorIslands = 512,  // `@Model.x`, `@(...)`, `@{ }`, `@if (...) { }`,
                        // `@* *@`: Razor (`.cshtml`, `.razor`, `.vbhtml`)
  kSmartyIslands = 1024,    // `{$x}`, `{if ...}`, `{/if}`, `{* *}`: Smarty
  kVelocityIslands = 2048,  // `#if(...)`, `#set(...)`, `#end`, `## `, `#* *#`
  kBladeIslands = 4096,     // `{!! !!}`, `{{-- --}}`, `@json(...)`, `@if(...)`,
                            // `@endif`, `@php ... @endphp`: Laravel Blade
  // Not an island: an Astro component's `---` fenced frontmatter at the
  // top is TypeScript (its imports name the modules the page uses).
  kCodeFrontmatter = 8192,
};
using IslandKinds = uint16_t;

// The island kinds of the markup file `path`, by its extension.
IslandKinds IslandKindsFor(std::string_view path);

// Just past the template island starting at `open`, or `open` when none of
// `kinds` starts there. An island left open runs to the end.
uint32_t SkipIsland(std::string_view text, uint32_t open,
                    IslandKinds kinds = kAngleIslands);

// Whether the island `island` (opener to closer) prints one value and runs
// nothing else: `<?= x ?>`, `<?php echo x; ?>`, `<%= x %>`, `${x}`,
// `<isprint value="${x}"/>`, `{{ x }}`, `{!x}`; or is a comment, which
// prints nothing. Control flow (`{{#if}}`, `{% if %}`, `<isif>`), partials,
// statements, assignments and calls of methods that change something
// (`{{ session.set('k', 1) }}`) do not. `kinds` are the file's.
bool PrintsOneValue(std::string_view island, IslandKinds kinds = kAngleIslands);

// Whether `island` is a template comment (`{# #}`, `{{! }}`,
// `<iscomment>...</iscomment>`, `<%-- --%>`, `<#-- -->`, `@* *@`, `{* *}`,
// `#* *#`): the page gets
// nothing of it, so the script view shows it as blanks.
bool IsTemplateComment(std::string_view island);

// Whether `word` after Razor's `@` opens a statement (`@if`, `@foreach`,
// `@section`, ...) rather than an expression printing a value.
bool IsRazorStatement(std::string_view word);

// Where masking goes on after the island [begin, end): past the text of a
// literal block it opens (`{% raw %}` or `{% verbatim %}` up to its end
// tag, which Twig, Jinja and Liquid print as written; Smarty's
// `{literal}`), else `end`.
uint32_t LiteralBlockEnd(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace psm

#endif  // PSM_SYNTAX_ISLAND_SYNTAX_H_
