#ifndef PSM_FIND_GLOBAL_DECLARATIONS_H_
#define PSM_FIND_GLOBAL_DECLARATIONS_H_

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace psm {

// How a TypeScript file (most often a declaration file, `global.d.ts`)
// declares the global `name` a call's receiver is: `declare const dr:
// DrApi` or `declare var dr: {...}` at the top of a script (a file without
// imports or exports), the same inside `declare global { ... }`, or a
// member of `interface Window { dr: DrApi }` there. TypeScript checks a
// payload handed to that receiver's createSource against the type.
struct GlobalDeclaration {
  TSNode type{};        // the type written; null: the file declares none
  int line = 0;         // of the declaration
  int typing_line = 0;  // the createSource typing the payload, in this file
  // The type's name when it is one (`DrApi`), which another declaration
  // file may declare (global types are shared); empty otherwise.
  std::string named_type;
};

GlobalDeclaration GlobalDeclarationOf(TSNode root, std::string_view name,
                                      std::string_view source);

}  // namespace psm

#endif  // PSM_FIND_GLOBAL_DECLARATIONS_H_
