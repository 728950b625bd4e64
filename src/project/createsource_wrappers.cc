// A project's own `createSource` (a service wrapping DigitalRiver.js) sees
// the payload before DigitalRiver.js does: when it does anything with it
// but hand it on (`console.log(data.amount)`, `track({value:
// data.amount})`), removing a field changes what it sees. Asked for
// receivers traced to a project module and for receivers the tool cannot
// trace at all (a parameter: it may be such a service).

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/report_marker.h"
#include "common/strings.h"
#include "find/object_builder.h"
#include "find/own_create_source.h"
#include "find/receiver.h"
#include "find/scope.h"
#include "io/file_io.h"
#include "project/mixin_touches.h"
#include "project/module_linker.h"
#include "project/test_code.h"
#include "syntax/node.h"

namespace psm {
namespace {

constexpr std::string_view kName = "createSource";

// The function a definition of `createSource` at `name` (a property
// identifier or key) gives: `createSource(d) {...}`, `createSource:
// function (d) {...}`, `X.prototype.createSource = (d) => ...`.
TSNode DefinedFunction(TSNode name, std::string_view text) {
  TSNode parent = node::Parent(name);
  if (node::Is(parent, "method_definition") ||
      node::Is(parent, "function_declaration"))
    return parent;
  TSNode value{};
  if (node::Is(parent, "pair")) value = node::Field(parent, "value");
  if (node::Is(parent, "variable_declarator") &&
      ts_node_eq(node::Field(parent, "name"), name))
    value = node::Field(parent, "value");
  // `{ createSource: send }`: the function `send` names.
  if (node::Is(node::Unwrap(value), "identifier")) {
    TSNode id = node::Unwrap(value);
    Binding b = ResolveName(node::Text(id, text), id, text);
    if (b.kind == Binding::Kind::kFunction) return b.declarator;
    if (b.kind == Binding::Kind::kVariable)
      value = node::Field(b.declarator, "value");
  }
  if (node::Is(parent, "member_expression")) {
    TSNode assignment = node::Parent(parent);
    if (node::Is(assignment, "assignment_expression") &&
        ts_node_eq(node::Field(assignment, "left"), parent))
      value = node::Field(assignment, "right");
  }
  if (node::Is(parent, "public_field_definition") ||
      node::Is(parent, "field_definition"))
    value = node::Field(parent, "value");
  value = node::Unwrap(value);
  return node::IsFunction(value) ? value : TSNode{};
}

// The payload parameter of `function` (its first), or null; `why` says
// what the function does instead when it has none to follow.
TSNode PayloadParameter(TSNode function, std::string_view text,
                        std::string* why) {
  TSNode first = node::Field(function, "parameter");  // `d => ...`
  if (ts_node_is_null(first)) {
    for (TSNode p : node::NamedChildren(node::Field(function, "parameters"))) {
      if (node::IsComment(p)) continue;
      first = p;
      break;
    }
  }
  TSNode pattern = node::Field(first, "pattern");  // TypeScript's wrapper
  if (!ts_node_is_null(pattern)) first = pattern;
  if (ts_node_is_null(first)) {
    if (node::Text(function, text).find("arguments") != std::string_view::npos)
      *why = "reads `arguments`";
    return TSNode{};
  }
  if (!node::Is(first, "identifier")) {
    *why = "takes the payload apart";
    return TSNode{};
  }
  return first;
}

// The statement around `n` inside `function`, for messages.
std::string Where(TSNode n, TSNode function, std::string_view text) {
  TSNode statement = n;
  while (!ts_node_is_null(node::Parent(statement)) &&
         !node::Is(node::Parent(statement), "statement_block") &&
         !ts_node_eq(node::Parent(statement), function))
    statement = node::Parent(statement);
  return Quote(node::Text(statement, text)) + " at line " +
         std::to_string(node::Line(n));
}

}  // namespace

// The first use of the payload parameter of `function` (in `module`) other
// than handing it on whole: to another `createSource` call, or to a
// function of the project that only hands it on in turn (`forward(data)`);
// "" when there is none.
std::string Linker::PayloadUse(const Module& module, TSNode function,
                               int depth) {
  const std::string& text = module.text;
  std::string why;
  TSNode first = PayloadParameter(function, text, &why);
  if (ts_node_is_null(first)) return why;
  std::string_view name = node::Text(first, text);
  std::string found;
  ForEachDescendant(function, true, [&](TSNode n) {
    if (!found.empty() || !node::Is(n, "identifier") ||
        node::Text(n, text) != name || ts_node_eq(n, first))
      return;
    // Handed on whole: the argument of a call (the card element may come
    // before it: `createSource(element, data)`).
    TSNode args = node::Parent(n);
    TSNode call = node::Parent(args);
    if (!node::Is(args, "arguments") || !node::Is(call, "call_expression") ||
        ts_node_named_child_count(args) > 2) {
      found = Where(n, function, text);
      return;
    }
    TSNode callee = node::Unwrap(node::Field(call, "function"));
    if (node::Is(callee, "member_expression") &&
        node::Text(node::Field(callee, "property"), text) == kName)
      return;  // handed to createSource
    TSNode next = depth < 4 && node::Is(callee, "identifier")
                      ? FunctionNamed(module, callee)
                      : TSNode{};
    const Module* next_module = next_module_;
    if (ts_node_is_null(next) ||
        !PayloadUse(*next_module, next, depth + 1).empty())
      found = Where(n, function, text);
  });
  return found;
}

// The function the identifier `callee` of `module` names: declared in
// `module`, or imported from a module of the project (then next_module_
// says which).
TSNode Linker::FunctionNamed(const Module& module, TSNode callee) {
  next_module_ = &module;
  std::string_view id = node::Text(callee, module.text);
  Binding b = ResolveName(id, callee, module.text);
  if (b.kind == Binding::Kind::kFunction || b.kind == Binding::Kind::kVariable)
    return FunctionBoundTo(b);
  std::optional<ModuleRef> ref = ImportedAs(b, id, module.text);
  if (!ref || ref->exported == "*") return TSNode{};
  std::optional<std::string> file = paths_.Resolve(module.path, ref->specifier);
  const Module* other = file ? cache_.Load(*file) : nullptr;
  if (!other) return TSNode{};
  TSNode value = node::Unwrap(ModuleCache::Export(*other, ref->exported).node);
  if (node::Is(value, "export_statement"))
    value = node::Field(value, "declaration");
  next_module_ = other;
  return node::IsFunction(value) || node::Is(value, "function_declaration")
             ? value
             : TSNode{};
}

std::vector<std::string> Linker::WrapperUses(const Module& module) {
  std::vector<std::string> uses;
  const std::string& text = module.text;
  for (size_t at = text.find(kName); at != std::string::npos;
       at = text.find(kName, at + kName.size())) {
    if (!IsWholeIdentifierAt(text, at, kName.size())) continue;
    TSNode n = ts_node_descendant_for_byte_range(
        module.tree.Root(), static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + kName.size()));
    TSNode function = DefinedFunction(n, text);
    if (ts_node_is_null(function)) continue;
    std::string use = PayloadUse(module, function, 0);
    if (use.empty()) continue;
    uses.push_back(options_.display(module.path) + ":" +
                   std::to_string(node::Line(n)) + " uses the payload (" + use +
                   ")");
  }
  return uses;
}

std::string Linker::WrapperUse(const std::string& importer,
                               const ModuleRequest& request) {
  Found found = Follow(importer, request);
  if (found.module) {
    if (std::string mixin = MixinNamingCreateSource(*found.module);
        !mixin.empty())
      return mixin;
  }
  if (found.digital_river) return DigitalRiverWrapped(*found.module);
  if (ts_node_is_null(found.builder)) {  // not traced: it may be any of them
    // The module it comes from may give it a createSource of its own.
    if (found.module && MayDefineCreateSource(found.module->text)) {
      std::vector<std::string> uses = WrapperUses(*found.module);
      if (!uses.empty()) return uses.front();
    }
    const std::vector<std::string>& any = ProjectWrappers();
    return any.empty() ? "" : "it may be the project's own, at " + any.front();
  }
  if (!MayDefineCreateSource(found.module->text)) return "";
  std::vector<std::string> uses = WrapperUses(*found.module);
  return uses.empty() ? "" : uses.front();
}

std::string Linker::MixinNamingCreateSource(const Module& module) {
  // A RequireJS mixin of the module may wrap the instance's createSource:
  // by name (`dr.createSource = wrapper.wrap(dr.createSource, ...)`) or
  // not (`return analytics.instrument(dr)`, `dr[name] = wrap(dr[name])`).
  for (const std::string& mixin : MixinsOf(module.path)) {
    std::optional<std::string> file = paths_.Resolve(module.path, mixin);
    const Module* read = file ? cache_.Load(*file) : nullptr;
    // One the project does not hold (a Composer module's) may do anything.
    std::string why =
        read ? MixinTouches(ModuleCache::Export(*read, "default").node,
                            read->text, kName)
             : "the tool cannot read";
    if (!why.empty())
      return options_.display(module.path) + " has the RequireJS mixin " +
             Quote(mixin) + ", which " + why + ": it may wrap it";
  }
  return "";
}

std::string Linker::DigitalRiverWrapped(const Module& module) {
  // The module itself may replace the instance's createSource with its own
  // (`dr.createSource = (p) => { log(p.amount); return orig(p); }`).
  if (!MayDefineCreateSource(module.text)) return "";
  std::vector<std::string> uses = WrapperUses(module);
  return uses.empty() ? "" : uses.front();
}

const std::vector<std::string>& Linker::ProjectWrappers() {
  if (project_wrappers_) return *project_wrappers_;
  project_wrappers_.emplace();
  for (uint32_t i : FilesNaming(std::string(kName))) {
    std::string path = AbsolutePath(ProjectFiles()[i]);
    // Judged below the project's root: a project checked out under a
    // `test` folder is not test code.
    std::string_view inside = path;
    if (inside.starts_with(paths_.root()))
      inside.remove_prefix(paths_.root().size());
    if (IsTestCode(inside)) continue;
    SourceFile read = ReadSourceFile(path, kDefaultMaxFileBytes);
    if (!read.error.empty() || IsToolReport(read.text) ||
        !MayDefineCreateSource(read.text))
      continue;
    const Module* module = cache_.Load(path);
    // A service whose createSource calls are all another library's (a
    // Stripe service) is not what a DigitalRiver.js receiver may be. One
    // that calls none is the project's own implementation (a REST client
    // posting the payload itself): an untraced receiver may be it.
    bool calls = false;
    if (!module ||
        (OnlyOtherCreateSources(module->tree.Root(), module->text, &calls) &&
         calls))
      continue;
    for (std::string& use : WrapperUses(*module))
      project_wrappers_->push_back(std::move(use));
  }
  return *project_wrappers_;
}

}  // namespace psm
