// A component or class is not only its own file: a Vue component's
// `mixins: [analytics]` and `extends: base`, and a class's imported base,
// put their methods on the same instance. One of them that says
// `this.buildPayload()` reads what the builder of the component returns,
// though it imports nothing from the component (it is imported by it).

#include <string>
#include <vector>

#include "common/strings.h"
#include "find/object_builder.h"
#include "project/absolute_path.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Where `module` says `this.<method>` (or `this?.<method>`); null when it
// does not.
TSNode ThisMemberIn(const Module& module, const std::string& method) {
  for (size_t at : WordsAt(module.text, method)) {
    TSNode n = ts_node_descendant_for_byte_range(
        module.tree.Root(), static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + method.size()));
    TSNode member = node::Parent(n);
    if (node::Is(member, "member_expression") &&
        ts_node_eq(node::Field(member, "property"), n) &&
        node::Is(node::Unwrap(node::Field(member, "object")), "this"))
      return member;
  }
  return TSNode{};
}

}  // namespace

std::vector<std::string> Linker::ImportedThisCallers(const std::string& caller,
                                                     const std::string& method) {
  std::vector<std::string> callers;
  std::string own = AbsolutePath(caller);
  const Module* module = ScriptModule(own);
  if (!module) return callers;
  std::vector<std::string> specifiers;
  for (TSNode top : node::NamedChildren(module->tree.Root())) {
    std::string specifier;
    if (node::Is(top, "import_statement") &&
        node::StringLiteralValue(node::Field(top, "source"), module->text,
                                 &specifier))
      specifiers.push_back(std::move(specifier));
  }
  for (const std::string& specifier : specifiers) {
    std::optional<std::string> file = paths_.Resolve(module->path, specifier);
    if (!file || AbsolutePath(*file) == own) continue;
    const Module* imported = ScriptModule(AbsolutePath(*file));
    if (!imported || WordsAt(imported->text, method).empty()) continue;
    TSNode use = ThisMemberIn(*imported, method);
    if (ts_node_is_null(use)) continue;
    callers.push_back(options_.display(*file) + " (" +
                      Quote(node::Text(use, imported->text)) + " at line " +
                      std::to_string(node::Line(use)) + ")");
  }
  return callers;
}

}  // namespace psm
