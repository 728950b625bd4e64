#include <algorithm>
#include <optional>
#include <set>

#include "common/strings.h"
#include "find/receiver_origin.h"
#include "find/scope.h"
#include "find/wrapper_calls.h"
#include "io/file_io.h"
#include "project/module_exports.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {

std::vector<std::pair<const Module*, ByteRange>> Linker::CallsOfExport(
    const std::string& file, const std::string& name, uint32_t wrapper_at) {
  std::vector<std::pair<const Module*, ByteRange>> calls;
  std::vector<std::string> stems = SpecifierStems(file);
  const Module* own = cache_.Load(file);
  if (!own) return calls;
  TSNode default_export = ModuleCache::Export(*own, "default").node;
  bool is_default = !ts_node_is_null(default_export) &&
                    FunctionName(default_export, own->text) == name;
  bool provided = IsOnlyObjectMember(*own, name, wrapper_at);
  std::set<uint32_t> candidates;
  for (const std::string& stem : stems) {
    for (uint32_t i : Index().MayContain(stem)) candidates.insert(i);
  }
  for (uint32_t i : candidates) {
    std::string path = AbsolutePath(ProjectFiles()[i]);
    if (path == file) continue;
    const Module* module = cache_.Load(path);
    if (!module ||
        !std::any_of(stems.begin(), stems.end(), [&](const std::string& stem) {
          return module->text.find(stem) != std::string::npos;
        })) {
      continue;
    }
    ForEachDescendant(module->tree.Root(), true, [&](TSNode n) {
      if (!node::Is(n, "call_expression")) return;
      TSNode callee = node::Unwrap(node::Field(n, "function"));
      std::string member;
      if (node::Is(callee, "member_expression")) {
        member = node::Text(node::Field(callee, "property"), module->text);
        callee = node::Unwrap(node::Field(callee, "object"));
        if (member == name &&
            IsInstanceOfWrapper(module, callee, file, name, wrapper_at)) {
          calls.emplace_back(module, node::Range(n));
          return;
        }
      }
      if (provided &&
          TakesFromModule(module,
                          ProvidingObject(callee, member, name, module->text),
                          file)) {
        calls.emplace_back(module, node::Range(n));
        return;
      }
      if (!node::Is(callee, "identifier")) return;
      std::string_view id = node::Text(callee, module->text);
      std::optional<ModuleRef> ref =
          ImportedAs(ResolveName(id, callee, module->text), id, module->text);
      if (!ref || paths_.Resolve(path, ref->specifier) != file) return;
      std::string exported = ref->exported == "*" ? member : ref->exported;
      if (ref->exported != "*" && !member.empty()) return;
      if (exported == name || (exported == "default" && is_default) ||
          (ref->exported == "*" && member.empty() && is_default)) {
        calls.emplace_back(module, node::Range(n));
      }
    });
  }
  return calls;
}

bool Linker::IsInstanceOfWrapper(const Module* module, TSNode object,
                                 const std::string& file,
                                 const std::string& name, uint32_t wrapper_at) {
  std::optional<ModuleRequest> request = ReceiverRequest(object, module->text);
  if (!request || request->access != ModuleRequest::Access::kReceiverInstance) {
    return false;
  }
  request->member = name;
  Found found = Follow(module->path, *request);
  return found.module && found.module->path == file &&
         !ts_node_is_null(found.builder) &&
         ts_node_start_byte(found.builder) == wrapper_at;
}

bool Linker::IsOnlyObjectMember(const Module& module, const std::string& name,
                                uint32_t wrapper_at) {
  int definitions = 0;
  bool wrapper_is_member = false;
  // A member named `name` has it as a word: only the nodes around its
  // occurrences are looked at (a walk of the module per wrapper made a
  // module of many wrappers quadratic).
  for (TSNode n : NodesAtWords(module.tree.Root(), {{name, {}}}, module.text)) {
    bool pair = node::Is(n, "pair");
    if (!pair && !node::Is(n, "method_definition")) continue;
    TSNode key = node::Field(n, pair ? "key" : "name");
    if (node::Text(key, module.text) != name) continue;
    ++definitions;
    TSNode value = pair ? node::Field(n, "value") : n;
    wrapper_is_member = node::Is(node::Parent(n), "object") &&
                        ts_node_start_byte(value) == wrapper_at;
  }
  return definitions == 1 && wrapper_is_member;
}

TSNode Linker::ProvidingObject(TSNode callee, const std::string& member,
                               const std::string& name,
                               std::string_view source) {
  if (!member.empty()) return member == name ? callee : TSNode{};
  if (!node::Is(callee, "identifier")) return TSNode{};
  std::string_view id = node::Text(callee, source);
  Binding b = ResolveName(id, callee, source);
  TSNode pattern = node::Field(b.declarator, "name");
  if (b.kind != Binding::Kind::kOther ||
      !node::Is(b.declarator, "variable_declarator") ||
      !node::Is(pattern, "object_pattern")) {
    return TSNode{};
  }
  for (TSNode p : node::NamedChildren(pattern)) {
    bool shorthand = node::Is(p, "shorthand_property_identifier_pattern") &&
                     node::Text(p, source) == name && id == name;
    bool renamed = node::Is(p, "pair_pattern") &&
                   node::Text(node::Field(p, "key"), source) == name &&
                   node::Text(node::Field(p, "value"), source) == id;
    if (shorthand || renamed) return node::Field(b.declarator, "value");
  }
  return TSNode{};
}

bool Linker::TakesFromModule(const Module* module, TSNode object,
                             const std::string& file) {
  if (ts_node_is_null(object)) return false;
  std::optional<ModuleRequest> request = ReceiverRequest(object, module->text);
  return request && request->access == ModuleRequest::Access::kReceiverObject &&
         paths_.Resolve(module->path, request->ref.specifier) == file;
}

}  // namespace psm
