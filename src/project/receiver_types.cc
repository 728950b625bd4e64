// A createSource receiver typed with a type another module of the project
// exports (`constructor(private dr: DrApi)`, `declare const dr: DrApi` with
// `import type { DrApi } from './types'`), or a declaration file declares
// (`types.d.ts`, as TypeScript reads it for that import), whose createSource
// types the payload with fields: the edited object may no longer fit it,
// and the receiver's own file does not show that.

#include <optional>
#include <string>
#include <vector>

#include "find/module_request.h"
#include "find/object_builder.h"  // Quote
#include "find/scope.h"
#include "find/typed_receiver.h"
#include "project/declaration_files.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace {

// As many re-exports as a request for a payload builder follows.
constexpr int kMaxTypeHops = 6;

}  // namespace

std::string Linker::ReceiverTypeTypingPayload(const std::string& importer,
                                              const ModuleRequest& request) {
  const std::string& name = request.ref.exported;
  if ((request.access != ModuleRequest::Access::kReceiverInstance &&
       request.access != ModuleRequest::Access::kReceiverType) ||
      request.ref.specifier.empty() || name == "*" || name == "default")
    return "";
  std::optional<std::string> file =
      TypesFileOf(importer, request.ref.specifier,
                  paths_.Resolve(importer, request.ref.specifier));
  std::string type = name;
  // Through aliases and re-exports, as far as imports are followed.
  for (int hop = 0; file && hop <= kMaxTypeHops; ++hop) {
    const Module* module = cache_.LoadTypes(*file);
    if (!module) return "";
    int line = CreateSourceTypingLine(module->tree.Root(), type, module->text);
    if (line > 0) {
      return Quote(name) + " of " + options_.display(*file) +
             ", whose createSource (line " + std::to_string(line) +
             ") types the payload";
    }
    file = TypeDeclaredElsewhere(*module, &type);
  }
  return "";
}

std::optional<std::string> Linker::TypeDeclaredElsewhere(const Module& module,
                                                         std::string* type) {
  TSNode declared = DeclaredTypeIn(module.tree.Root(), *type, module.text);
  if (node::Is(declared, "type_alias_declaration")) {
    // `export type Api = DrApi`, DrApi of this file or imported.
    TSNode value = node::Field(declared, "value");
    if (!node::Is(value, "type_identifier")) return std::nullopt;
    std::string_view aliased = node::Text(value, module.text);
    std::optional<ModuleRef> ref = ImportedAs(
        ResolveName(aliased, value, module.text), aliased, module.text);
    *type = ref ? ref->exported : std::string(aliased);
    if (!ref) return module.path;
    return TypesFileOf(module.path, ref->specifier,
                       paths_.Resolve(module.path, ref->specifier));
  }
  // `export * from './dr'`, `export type { DrApi } from './dr'`.
  ExportedValue value = ModuleCache::Export(module, *type);
  if (!value.passed_on) return std::nullopt;
  std::vector<ModuleRef> refs = {*value.passed_on};
  refs.insert(refs.end(), value.other_stars.begin(), value.other_stars.end());
  for (const ModuleRef& ref : refs) {
    std::optional<std::string> next = TypesFileOf(
        module.path, ref.specifier, paths_.Resolve(module.path, ref.specifier));
    const Module* there = next ? cache_.LoadTypes(*next) : nullptr;
    std::string exported =
        ref.exported == "*" || ref.exported.empty() ? *type : ref.exported;
    // Of several `export *`, the one module that declares the type.
    if (there &&
        (refs.size() == 1 || !ts_node_is_null(DeclaredTypeIn(
                                 there->tree.Root(), exported, there->text)))) {
      *type = exported;
      return next;
    }
  }
  return std::nullopt;
}

}  // namespace psm
