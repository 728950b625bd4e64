// A createSource receiver typed with a type another module of the project
// exports (`constructor(private dr: DrApi)`, `declare const dr: DrApi` with
// `import type { DrApi } from './types'`), whose createSource types the
// payload with fields: the edited object may no longer fit it, and the
// receiver's own file does not show that.

#include <optional>
#include <string>
#include <vector>

#include "find/object_builder.h"  // Quote
#include "find/typed_receiver.h"
#include "project/module_linker.h"

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
      paths_.Resolve(importer, request.ref.specifier);
  std::string type = name;
  // Through re-exports (`export * from './dr'`, `export type { DrApi }
  // from './dr'` in a barrel of types), as far as imports are followed.
  for (int hop = 0; file && hop <= kMaxTypeHops; ++hop) {
    const Module* module = cache_.Load(*file);
    if (!module) return "";
    int line = CreateSourceTypingLine(module->tree.Root(), type, module->text);
    if (line > 0) {
      return Quote(name) + " of " + options_.display(*file) +
             ", whose createSource (line " + std::to_string(line) +
             ") types the payload";
    }
    ExportedValue value = ModuleCache::Export(*module, type);
    if (!value.passed_on) return "";
    std::vector<ModuleRef> refs = {*value.passed_on};
    refs.insert(refs.end(), value.other_stars.begin(), value.other_stars.end());
    file.reset();
    for (const ModuleRef& ref : refs) {
      std::optional<std::string> next =
          paths_.Resolve(module->path, ref.specifier);
      const Module* there = next ? cache_.Load(*next) : nullptr;
      std::string exported =
          ref.exported == "*" || ref.exported.empty() ? type : ref.exported;
      // The one module of several `export *` that declares the type.
      if (there && (refs.size() == 1 ||
                    !ts_node_is_null(DeclaredTypeIn(there->tree.Root(),
                                                    exported, there->text)))) {
        file = next;
        type = exported;
        break;
      }
    }
  }
  return "";
}

}  // namespace psm
