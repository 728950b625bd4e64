#include <optional>

#include "common/strings.h"
#include "find/module_request.h"
#include "find/object_builder.h"
#include "find/receiver.h"
#include "find/scope.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {

bool Linker::OwnsOtherCreateSource(const std::string& importer,
                                   const ModuleRequest& request,
                                   std::string* what) {
  Found found = Follow(importer, request);
  if (ts_node_is_null(found.builder)) return false;  // unknown: kept
  const Module& module = *found.module;
  TSNode root = module.tree.Root();
  TSNode entity = found.builder;
  while (!ts_node_is_null(node::Parent(entity)) &&
         !node::Is(node::Parent(entity), "program")) {
    entity = node::Parent(entity);
  }
  if (!OnlyOtherCreateSources(root, module.text) ||
      UsesProjectModule(module, entity)) {
    return false;
  }
  // Named by its class when it has one: the request may have reached it
  // through other modules (`app.services.payments` -> `PaymentsApi`).
  TSNode klass = node::EnclosingOfType(found.builder, "class_body");
  TSNode class_name = node::Field(node::Parent(klass), "name");
  std::string named = ts_node_is_null(class_name)
                          ? Named(request.ref, request.member)
                          : std::string(node::Text(class_name, module.text)) +
                                "." + request.member;
  *what = Quote(named) + " (" + options_.display(module.path) + ":" +
          std::to_string(node::Line(found.builder)) + ")";
  return true;
}

bool Linker::UsesProjectModule(const Module& module, TSNode entity) {
  bool uses = false;
  ForEachDescendant(entity, true, [&](TSNode n) {
    if (uses || (!node::Is(n, "identifier") && !node::Is(n, "type_identifier")))
      return;
    std::string_view id = node::Text(n, module.text);
    std::optional<ModuleRef> ref =
        ImportedAs(ResolveName(id, n, module.text), id, module.text);
    uses = ref && paths_.Resolve(module.path, ref->specifier).has_value();
  });
  return uses;
}

}  // namespace psm
