#include "project/builder_observers.h"

#include "common/strings.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "find/script_kind.h"
#include "project/builder_reach.h"
#include "project/class_syntax.h"
#include "project/module_exports.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The fields `this.x` that `builder` uses.
std::set<std::string> ThisFieldsUsed(TSNode builder, std::string_view text) {
  std::set<std::string> fields;
  ForEachDescendant(builder, true, [&](TSNode n) {
    if (node::Is(n, "member_expression") &&
        node::Is(node::Field(n, "object"), "this")) {
      fields.emplace(node::Text(node::Field(n, "property"), text));
    }
  });
  return fields;
}

// The fields `this.x` that `builder` returns: the payload object is the
// field's value, so whoever else holds the instance sees its fields.
std::set<std::string> ThisFieldsReturned(TSNode builder,
                                         std::string_view text) {
  std::set<std::string> fields;
  ForEachDescendant(builder, true, [&](TSNode n) {
    if (!node::Is(n, "return_statement")) return;
    TSNode value = node::Unwrap(ts_node_named_child(n, 0));
    if (node::Is(value, "member_expression") &&
        node::Is(node::Field(value, "object"), "this"))
      fields.emplace(node::Text(node::Field(value, "property"), text));
  });
  return fields;
}

// The builder's modules: its own and those it was re-exported through.
std::set<std::string> ModulesOf(const Found& found) {
  std::set<std::string> modules = found.passed_through;
  modules.insert(AbsolutePath(found.module->path));
  return modules;
}

// Any other file of the project naming the builder and its module may use
// the payload; a class elsewhere that extends the builder's may set or
// read the fields it builds from (`return this.payload`, `type:
// this.type`).
void AddOtherNamers(Linker& linker, const LinkOptions& options,
                    const Found& found, const std::string& name,
                    const std::set<std::string>& known,
                    std::vector<PayloadObserver>* observers) {
  const Module& module = *found.module;
  std::set<std::string> modules = ModulesOf(found);
  std::string shown = options.display(module.path);
  // A module's whole export (an AMD factory's, `module.exports =`,
  // `export default`) has no name to look for: `*` is in any glob or
  // RequireJS map (`map: {'*': {...}}`). AddReachers finds its importers.
  bool named = name != "*" && name != "default";
  for (const std::string& namer :
       named ? linker.OtherNamers(modules, name, known)
             : std::vector<std::string>()) {
    observers->push_back({"", Quote(name) + " from " + shown +
                                  " is also named in " + namer +
                                  ", which may use the payload"});
  }
  // The templates of components that import the module (an Angular
  // service's method called in a template: `{{ ps.buildPayPal(5).amount
  // }}`).
  for (const std::string& t :
       linker.ImporterTemplateNamers(module.path, name)) {
    observers->push_back({"", Quote(name) + " from " + shown +
                                  " is also named in " + t +
                                  ", the template of a component importing "
                                  "it, which may use the payload"});
  }
  std::set<std::string> skip = known;
  skip.insert(modules.begin(), modules.end());
  std::set<std::string> returned =
      ThisFieldsReturned(found.builder, module.text);
  for (const std::string& field : ThisFieldsUsed(found.builder, module.text)) {
    std::vector<std::string> namers = linker.OtherNamers(modules, field, known);
    // Through a barrel, a factory's instance, or a base class elsewhere,
    // for a field that holds the payload (one the builder only reads from,
    // `this.cart.total`, is set by the class's own code).
    if (namers.empty() && node::Is(found.builder, "method_definition") &&
        returned.contains(field))
      namers = linker.ClassFieldNamers(module, found.builder, field, skip);
    for (const std::string& namer : namers) {
      observers->push_back({"", Quote("this." + field) + " of " + Quote(name) +
                                    " in " + shown + " is also named in " +
                                    namer + ", which may set or read it"});
    }
  }
}

// The other names the builder's own module exports it under (`export {
// build as default }`, `export const makeIt = build`, `exports.make =
// build`): importers of those get the same object.
std::set<std::string> OtherExportNames(const Found& found,
                                       const std::string& name) {
  std::set<std::string> names;
  const Module& module = *found.module;
  TSNode root = module.tree.Root();
  std::set<std::string> candidates = {"default"};
  for (TSNode statement : node::NamedChildren(root)) {
    std::string_view text = node::Text(statement, module.text);
    if (WordsAt(text, name).empty()) continue;
    bool es = node::Is(statement, "export_statement");
    bool cjs = node::Is(statement, "expression_statement") &&
               text.find("exports") != std::string_view::npos;
    if (!es && !cjs) continue;
    ForEachDescendant(statement, false, [&](TSNode n) {
      if (node::Is(n, "identifier") || node::Is(n, "property_identifier"))
        candidates.emplace(node::Text(n, module.text));
    });
  }
  for (const std::string& candidate : candidates) {
    if (candidate == name) continue;
    ExportedValue v = FindExport(root, module.text, candidate);
    if (v.passed_on || ts_node_is_null(v.node)) continue;
    if (ts_node_eq(ValueOf(v.node, module.text), found.builder))
      names.insert(candidate);
  }
  return names;
}

// Other importers of the builder's module (or of a module re-exporting
// it) that get at it without spelling its name.
void AddReachers(Linker& linker, const LinkOptions& options, const Found& found,
                 const ModuleRequest& request, const std::string& name,
                 const std::set<std::string>& known,
                 std::vector<PayloadObserver>* observers) {
  BuilderReach reach;
  reach.modules = ModulesOf(found);
  reach.names = {name};
  // Without a member the export taken is the builder itself (under the
  // name its importer asked for); with one it is what holds it.
  if (request.member.empty() && request.ref.exported != "*" &&
      request.ref.exported != "default")
    reach.names.insert(request.ref.exported);
  reach.whole = request.member.empty() && (request.ref.exported == "*" ||
                                           request.ref.exported == "default");
  if (!request.member.empty() && request.ref.exported != "*")
    reach.holders.insert(request.ref.exported);
  if (request.member.empty()) {
    for (const std::string& other : OtherExportNames(found, name)) {
      reach.names.insert(other);
      reach.whole = reach.whole || other == "default";
    }
  }
  std::string what =
      name == "*" || name == "default" ? "The export" : Quote(name);
  for (const std::string& reacher : linker.Reachers(&reach, known)) {
    observers->push_back({"", what + " of " +
                                  options.display(found.module->path) +
                                  " is also reached: " + reacher +
                                  ", which may use the payload"});
  }
}

// The top-level variables of a classic script that `builder` returns
// (`return lastWirePayload;`, or through a local alias of it): globals of
// the page, which its other scripts may read or change between calls.
std::set<std::string> ReturnedGlobals(TSNode builder, std::string_view text) {
  std::set<std::string> names;
  ForEachDescendant(builder, true, [&](TSNode n) {
    if (!node::Is(n, "return_statement") || ts_node_named_child_count(n) == 0)
      return;
    TSNode value = node::Unwrap(ts_node_named_child(n, 0));
    // Through aliases set once (`var p = last; return p;`).
    constexpr int kMaxAliases = 4;
    for (int hop = 0; hop <= kMaxAliases && node::Is(value, "identifier");
         ++hop) {
      std::string_view name = node::Text(value, text);
      Binding binding = ResolveName(name, value, text);
      if (binding.kind != Binding::Kind::kVariable) return;
      // Each global of the chain (`var alias = last;`) is the same object.
      if (node::Is(binding.scope, "program")) names.emplace(name);
      if (!binding.assignments.empty()) return;
      value = node::Unwrap(node::Field(binding.declarator, "value"));
    }
  });
  return names;
}

// A builder of a classic script returning one of its globals: the other
// scripts naming it see the object the call gets.
void AddGlobalReaders(Linker& linker, const LinkOptions& options,
                      const Found& found,
                      std::vector<PayloadObserver>* observers) {
  const Module& module = *found.module;
  TSNode root = module.tree.Root();
  if (!IsClassicScript(root, module.text)) return;
  for (const std::string& name : ReturnedGlobals(found.builder, module.text)) {
    std::vector<std::string> readers = linker.GlobalReaders(module.path, name);
    if (readers.empty()) continue;
    observers->push_back(
        {"", Quote(name) + ", which " + options.display(module.path) +
                 " returns as the payload, is a global of that classic "
                 "script that other scripts of the page may read (" +
                 readers.front() + " names it)"});
  }
}

// A builder reached through a global of a classic script (`function
// getPayload()`, `var CheckoutUtils = {...}`): the other scripts and pages
// using that global may call it and read what it builds; they name no
// module, so the namers of a module's export miss them.
void AddBuilderGlobalReaders(Linker& linker, const LinkOptions& options,
                             const Found& found, const ModuleRequest& request,
                             const std::set<std::string>& known,
                             std::vector<PayloadObserver>* observers) {
  if (!request.ref.specifier.empty()) return;
  const std::string& global = request.ref.exported;
  for (const std::string& reader : linker.GlobalReaders(
           found.module->path, global, known, request.member)) {
    observers->push_back(
        {"", Quote(global) + ", the global of " +
                 options.display(found.module->path) +
                 " that builds the payload, is also used in " + reader +
                 ", which may use the payload"});
  }
}

}  // namespace

std::vector<PayloadObserver> ObserversOfBuilder(
    Linker& linker, const LinkOptions& options, const Found& found,
    const ModuleRequest& request, const std::string& name,
    const std::set<std::string>& known) {
  std::vector<PayloadObserver> observers;
  AddOtherNamers(linker, options, found, name, known, &observers);
  AddReachers(linker, options, found, request, name, known, &observers);
  AddGlobalReaders(linker, options, found, &observers);
  AddBuilderGlobalReaders(linker, options, found, request, known, &observers);
  const Module& module = *found.module;
  // A method reached through an instance by a file that names neither the
  // builder's module nor its class (a service an Angular InjectionToken's
  // factory makes, a Vue component's `$parent`).
  if (observers.empty() && node::Is(found.builder, "method_definition")) {
    for (const std::string& namer :
         linker.MemberNamers(module.path, known, name, 3)) {
      observers.push_back({"", Quote(name) + " of " +
                                   options.display(module.path) +
                                   " is also called through an instance in " +
                                   namer + ", which may use the payload"});
    }
  }
  if (node::Is(found.builder, "method_definition")) {
    if (std::string use = linker.BaseCallOf(module, found.builder);
        !use.empty()) {
      observers.push_back({"", Quote(name) + " of " +
                                   options.display(module.path) +
                                   " is also reached through " + use +
                                   ", which may use the payload"});
    }
    std::string method = class_syntax::NameOf(found.builder, module.text);
    if (std::string use =
            linker.SubclassCallOf(found.passed_through, module.path, method);
        !use.empty()) {
      observers.push_back({"", Quote(name) + " of " +
                                   options.display(module.path) +
                                   " is also called on an instance of a "
                                   "class that inherits it: " +
                                   use + ", which may use the payload"});
    }
  }
  return observers;
}

bool IsNamerIn(const PayloadObserver& o, const std::string& shown) {
  return o.path.empty() &&
         (o.what.find(" is also named in " + shown + ",") !=
              std::string::npos ||
          o.what.find(" is also reached: " + shown + " ") != std::string::npos);
}

}  // namespace psm
