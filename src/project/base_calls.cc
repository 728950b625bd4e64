// A base class may call the builder method its subclass defines
// (`constructor(cart) { log(this.build().amount); }`): then the base sees
// every object the builder makes, before and besides createSource. So may
// a subclass in another module call the method it inherits (`describe() {
// return this.build().amount; }`).

#include <optional>
#include <set>
#include <string>

#include "find/module_request.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "project/class_syntax.h"
#include "project/module_linker.h"
#include "syntax/node.h"

namespace psm {
namespace {

using class_syntax::ClassOfMethod;
using class_syntax::IsClassNode;
using class_syntax::NameOf;

constexpr int kMaxBases = 6;

// Where the class `klass` uses `this.<member>` (or `this[...]`, which may
// be it); null when it does not.
TSNode ThisUse(TSNode klass, const std::string& member, std::string_view text) {
  TSNode found{};
  ForEachDescendant(klass, true, [&](TSNode n) {
    if (!ts_node_is_null(found)) return;
    bool member_use = node::Is(n, "member_expression") &&
                      node::Text(node::Field(n, "property"), text) == member;
    bool computed = node::Is(n, "subscript_expression");
    if ((member_use || computed) &&
        node::Is(node::Unwrap(node::Field(n, "object")), "this"))
      found = n;
  });
  return found;
}

// Where a class of `root` other than in a method named `member` itself (an
// override, followed as a builder of its own: FollowSuper) uses
// `this.<member>` or `super.<member>`; null when none does.
TSNode OwnInstanceUse(TSNode root, const std::string& member,
                      std::string_view text) {
  TSNode found{};
  ForEachDescendant(root, true, [&](TSNode n) {
    if (!ts_node_is_null(found) || !node::Is(n, "member_expression") ||
        node::Text(node::Field(n, "property"), text) != member)
      return;
    TSNode object = node::Unwrap(node::Field(n, "object"));
    if (!node::Is(object, "this") && !node::Is(object, "super")) return;
    for (TSNode up = node::Parent(n); !ts_node_is_null(up);
         up = node::Parent(up)) {
      if (node::Is(up, "method_definition")) {
        if (NameOf(up, text) == member) return;
        found = n;
        return;
      }
    }
  });
  return found;
}

}  // namespace

std::string Linker::SubclassCallOf(const std::set<std::string>& modules,
                                   const std::string& builder_module,
                                   const std::string& member) {
  for (const std::string& path : modules) {
    if (path == AbsolutePath(builder_module)) continue;
    const Module* module = cache_.Load(path);
    if (!module) continue;
    TSNode use = OwnInstanceUse(module->tree.Root(), member, module->text);
    if (!ts_node_is_null(use))
      return Quote(node::Text(use, module->text)) + " at " +
             options_.display(module->path) + ":" +
             std::to_string(node::Line(use));
  }
  return "";
}

std::string Linker::BaseCallOf(const Module& module, TSNode builder) {
  TSNode klass = ClassOfMethod(builder);
  std::string member = NameOf(builder, module.text);
  const Module* at = &module;
  for (int depth = 0; depth < kMaxBases && !ts_node_is_null(klass); ++depth) {
    TSNode base = BaseClassOf(klass);
    if (!node::Is(base, "identifier")) return "";
    std::string_view name = node::Text(base, at->text);
    Binding b = ResolveName(name, base, at->text);
    if (b.kind == Binding::Kind::kClass) {
      klass = b.declarator;
    } else {
      std::optional<ModuleRef> ref = ImportedAs(b, name, at->text);
      if (!ref || ref->exported == "*") return "";
      std::optional<std::string> file =
          paths_.Resolve(at->path, ref->specifier);
      const Module* other = file ? cache_.Load(*file) : nullptr;
      if (!other) return "";
      klass = node::Unwrap(ModuleCache::Export(*other, ref->exported).node);
      if (node::Is(klass, "export_statement"))
        klass = node::Field(klass, "declaration");
      at = other;
    }
    if (!IsClassNode(klass)) return "";
    TSNode use = ThisUse(klass, member, at->text);
    if (!ts_node_is_null(use)) {
      return Quote(node::Text(use, at->text)) + " at line " +
             std::to_string(node::Line(use)) + " of its base class " +
             Quote(NameOf(klass, at->text)) + " (" +
             options_.display(at->path) + ":" +
             std::to_string(node::Line(klass)) + ")";
    }
  }
  return "";
}

}  // namespace psm
