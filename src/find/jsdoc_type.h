#ifndef PSM_FIND_JSDOC_TYPE_H_
#define PSM_FIND_JSDOC_TYPE_H_

#include <tree_sitter/api.h>

#include <optional>
#include <string_view>

#include "find/object_literal.h"  // DeclaredType

namespace psm {

// In a JavaScript file TypeScript checks (`// @ts-check`), the type a JSDoc
// comment gives: `what` "type" for a variable (`/** @type {T} */ const p =
// ...`, `@satisfies {T}` too), "return_type" for a function (`/** @returns
// {T} */`), "cast" for a parenthesized expression (`/** @type {T} */
// ({...})`). `tsc` checks the object against it as against a TypeScript
// annotation. None elsewhere (a file without `@ts-check` is not checked,
// unless a `jsconfig.json` says `checkJs`, which is not read).
std::optional<DeclaredType> JsDocType(TSNode holder, std::string_view what,
                                      std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_JSDOC_TYPE_H_
