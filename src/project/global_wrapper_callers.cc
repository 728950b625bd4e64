// Linker::CallsOfGlobalWrapper: the callers, in the page's other scripts,
// of a createSource wrapper held by a global object of a classic script
// (`var ShopApi = { createSource: function (p) { return drjs.createSource(p);
// } }`), so that each `ShopApi.createSource({...})` elsewhere is judged as
// a site, as the callers of an exported wrapper are (CallsOfExport).

#include <string>
#include <vector>

#include "find/module_factory.h"
#include "find/scope.h"
#include "find/script_kind.h"
#include "project/module_linker.h"
#include "syntax/embedded_script.h"
#include "syntax/language.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The name of the top-level `var G = { name: function (...) {...} }` of a
// classic script whose member `name` is the function starting at
// `wrapper_at`; "" when the wrapper is not held so.
std::string HoldingGlobal(const Module& own, const std::string& name,
                          uint32_t wrapper_at) {
  TSNode root = own.tree.Root();
  if (!IsClassicScript(root, own.text)) return "";
  for (TSNode statement : node::NamedChildren(root)) {
    if (!node::Is(statement, "variable_declaration")) continue;
    for (TSNode d : node::NamedChildren(statement)) {
      TSNode object =
          InPlaceValue(node::Unwrap(node::Field(d, "value")));
      if (!node::Is(object, "object") ||
          !node::Range(object).Contains(ByteRange{wrapper_at, wrapper_at}))
        continue;
      for (TSNode member : node::NamedChildren(object)) {
        bool pair = node::Is(member, "pair") &&
                    node::Text(node::Field(member, "key"), own.text) == name &&
                    ts_node_start_byte(node::Unwrap(
                        node::Field(member, "value"))) == wrapper_at;
        bool method = node::Is(member, "method_definition") &&
                      ts_node_start_byte(member) == wrapper_at;
        if (pair || method)
          return std::string(node::Text(node::Field(d, "name"), own.text));
      }
    }
  }
  return "";
}

// The smallest node at each whole-word occurrence of `word` in `module`.
std::vector<TSNode> NodesNaming(const Module& module, const std::string& word) {
  std::vector<TSNode> nodes;
  TSNode root = module.tree.Root();
  for (uint32_t at : WholeWordsOf(root, word, module.text, node::Range(root))) {
    nodes.push_back(ts_node_descendant_for_byte_range(
        root, at, at + static_cast<uint32_t>(word.size())));
  }
  return nodes;
}

}  // namespace

std::vector<std::pair<const Module*, ByteRange>> Linker::CallsOfGlobalWrapper(
    const std::string& file, const std::string& name, uint32_t wrapper_at) {
  std::vector<std::pair<const Module*, ByteRange>> calls;
  const Module* own = cache_.Load(file);
  if (!own) return calls;
  std::string global = HoldingGlobal(*own, name, wrapper_at);
  if (global.empty()) return calls;
  // In its own script, only the declaration may name it (a call there
  // would have been found with the wrapper; `var f = G.name` would not).
  for (TSNode at : NodesNaming(*own, global)) {
    TSNode declarator = node::Parent(at);
    if (!node::Is(declarator, "variable_declarator") ||
        !ts_node_eq(node::Field(declarator, "name"), at))
      return {};
  }
  for (uint32_t i : FilesNaming(global)) {
    std::string path = AbsolutePath(ProjectFiles()[i]);
    if (path == file) continue;
    std::optional<Language> language = LanguageForPath(path);
    // A page or template (or PHP) naming the global may call the wrapper in
    // ways this search does not read: the wrapper's own site stays.
    if (!language || *language == Language::kPhp || IsScriptContainer(path))
      return {};
    const Module* module = cache_.Load(path);
    if (!module) return {};
    // Every mention must be a call `global.name(...)` of the global itself;
    // anything else (an alias, `window.global`, another member handed on)
    // may reach the wrapper unseen, and the wrapper's site stays.
    bool unseen = false;
    std::vector<ByteRange> found;
    for (TSNode at : NodesNaming(*module, global)) {
      TSNode callee = node::Parent(at);
      TSNode call = node::Parent(callee);
      bool called =
          node::Is(at, "identifier") && node::Is(callee, "member_expression") &&
          ts_node_eq(node::Field(callee, "object"), at) &&
          node::Text(node::Field(callee, "property"), module->text) == name &&
          node::Is(call, "call_expression") &&
          ts_node_eq(node::Field(call, "function"), callee) &&
          ResolveName(global, at, module->text).kind ==
              Binding::Kind::kNotFound;
      if (!called) {
        unseen = true;
        break;
      }
      found.push_back(node::Range(call));
    }
    if (unseen) return {};
    for (const ByteRange& range : found) calls.emplace_back(module, range);
  }
  return calls;
}

}  // namespace psm
