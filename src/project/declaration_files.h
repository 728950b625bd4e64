#ifndef PSM_PROJECT_DECLARATION_FILES_H_
#define PSM_PROJECT_DECLARATION_FILES_H_

#include <optional>
#include <string>
#include <string_view>

namespace psm {

// Whether `path` is a TypeScript declaration file (`.d.ts`, `.d.mts`,
// `.d.cts`): types only, never scanned for payloads, read for the types a
// receiver is declared with.
bool IsDeclarationFile(std::string_view path);

// The file TypeScript takes the types of a relative `specifier` from, seen
// from `importer`, when `resolved` (the module file ModulePaths gave, the
// one that runs) is not a TypeScript source: the declaration file beside
// it or in its place (`./types` or `./types.js` -> `types.d.ts`,
// `./typings` -> `typings/index.d.ts`). `resolved` otherwise: a `.ts` file
// holds its own types. Packages' `types` fields are not read (packages are
// not the merchant's code).
std::optional<std::string> TypesFileOf(std::string_view importer,
                                       std::string_view specifier,
                                       std::optional<std::string> resolved);

}  // namespace psm

#endif  // PSM_PROJECT_DECLARATION_FILES_H_
