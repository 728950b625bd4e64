// A createSource receiver typed with a type another module of the project
// exports (`constructor(private dr: DrApi)`, `declare const dr: DrApi` with
// `import type { DrApi } from './types'`), whose createSource types the
// payload with fields: the edited object may no longer fit it, and the
// receiver's own file does not show that.

#include <optional>
#include <string>

#include "find/object_builder.h"  // Quote
#include "find/typed_receiver.h"
#include "project/module_linker.h"

namespace psm {

std::string Linker::ReceiverTypeTypingPayload(const std::string& importer,
                                              const ModuleRequest& request) {
  const std::string& name = request.ref.exported;
  if ((request.access != ModuleRequest::Access::kReceiverInstance &&
       request.access != ModuleRequest::Access::kReceiverType) ||
      request.ref.specifier.empty() || name == "*" || name == "default")
    return "";
  std::optional<std::string> file =
      paths_.Resolve(importer, request.ref.specifier);
  if (!file) return "";
  const Module* module = cache_.Load(*file);
  if (!module) return "";
  int line = CreateSourceTypingLine(module->tree.Root(), name, module->text);
  if (line == 0) return "";
  return Quote(name) + " of " + options_.display(*file) +
         ", whose createSource (line " + std::to_string(line) +
         ") types the payload";
}

}  // namespace psm
