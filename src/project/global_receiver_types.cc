// A TypeScript file calling createSource on a global it does not declare
// (`dr.createSource(p)`, `window.dr.createSource(p)`) compiles only because
// a declaration file declares that global, most often one no module
// imports (`src/global.d.ts`: `declare const dr: DrApi`, `interface Window
// { dr: DrApi }`). When that type's createSource types the payload with
// fields, the edited object may no longer fit it: the site needs review,
// as for a receiver typed in its own file or by an imported type.

#include <string>
#include <vector>

#include "find/global_declarations.h"
#include "find/object_builder.h"  // Quote
#include "find/typed_receiver.h"
#include "io/ignore.h"
#include "io/walk.h"
#include "project/declaration_files.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {

std::string Linker::GlobalTypeTypingPayload(const std::string& name) {
  if (name.empty() || name.find('.') != std::string::npos) return "";
  if (!declaration_files_) {
    // A walk of its own, as the project's listing holds only the files the
    // tool processes; ignore files apply (a build's `dist/*.d.ts` is not
    // the merchant's). Only a TypeScript call on an undeclared global asks.
    IgnoreRules ignore({}, {}, true);
    declaration_files_ = CollectFilesNamed(AbsolutePath(paths_.root()),
                                           &ignore, IsDeclarationFile);
  }
  auto where = [&](const Module& module, int line) {
    return options_.display(module.path) + ":" + std::to_string(line);
  };
  for (const std::string& file : *declaration_files_) {
    const Module* module = cache_.LoadTypes(file);
    if (!module) continue;
    GlobalDeclaration declared =
        GlobalDeclarationOf(module->tree.Root(), name, module->text);
    if (ts_node_is_null(declared.type)) continue;
    std::string_view written = node::Text(declared.type, module->text);
    std::string type = Quote(written.substr(0, 60));
    if (written.size() > 60) type.insert(type.size() - 1, "...");
    std::string at = " (" + where(*module, declared.line) + ")";
    if (declared.typing_line > 0) {
      return type + at + ", whose createSource (" +
             where(*module, declared.typing_line) + ") types the payload";
    }
    if (declared.named_type.empty()) return "";
    // Global interfaces are shared by every declaration file of a script.
    for (const std::string& other : *declaration_files_) {
      const Module* there = cache_.LoadTypes(other);
      if (!there) continue;
      int line = CreateSourceTypingLine(there->tree.Root(),
                                        declared.named_type, there->text);
      if (line > 0) {
        return type + at + ", whose createSource (" + where(*there, line) +
               ") types the payload";
      }
    }
    return "";
  }
  return "";
}

}  // namespace psm
