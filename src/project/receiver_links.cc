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
  // The file's own top-level helpers the entity uses are looked into too
  // (`const send = bridge.submit; function createSource(d) { return
  // send(d); }`), each once.
  std::vector<TSNode> pending = {entity};
  std::vector<TSNode> seen = {entity};
  constexpr size_t kMostLookedInto = 64;
  while (!pending.empty()) {
    TSNode next = pending.back();
    pending.pop_back();
    bool uses = false;
    ForEachDescendant(next, true, [&](TSNode n) {
      if (uses ||
          (!node::Is(n, "identifier") && !node::Is(n, "type_identifier")))
        return;
      std::string_view id = node::Text(n, module.text);
      Binding b = ResolveName(id, n, module.text);
      std::optional<ModuleRef> ref = ImportedAs(b, id, module.text);
      if (ref) {
        uses = paths_.Resolve(module.path, ref->specifier).has_value();
        return;
      }
      bool helper = (b.kind == Binding::Kind::kVariable ||
                     b.kind == Binding::Kind::kFunction) &&
                    node::Is(b.scope, "program");
      if (!helper || seen.size() >= kMostLookedInto) return;
      TSNode declared = b.kind == Binding::Kind::kFunction
                            ? b.declarator
                            : node::Parent(b.declarator);
      for (TSNode s : seen) {  // itself, or inside what is looked into
        if (ts_node_start_byte(s) <= ts_node_start_byte(declared) &&
            ts_node_end_byte(declared) <= ts_node_end_byte(s))
          return;
      }
      seen.push_back(declared);
      pending.push_back(declared);
    });
    if (uses) return true;
  }
  return false;
}

}  // namespace psm
