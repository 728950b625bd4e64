#include "find/typed_receiver.h"

#include <algorithm>

#include "find/object_builder.h"  // Quote
#include "find/scope.h"
#include "find/site_finder.h"  // kCreateSource
#include "syntax/language.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The `createSource` name inside `within`, declared as a member of a type
// (`createSource(p: T): ...`, `createSource: (p: T) => ...`); null if none.
TSNode CreateSourceMemberIn(TSNode within, std::string_view source) {
  std::string_view text = node::Text(within, source);
  for (size_t at = text.find(kCreateSource); at != std::string_view::npos;
       at = text.find(kCreateSource, at + 1)) {
    uint32_t begin = ts_node_start_byte(within) + static_cast<uint32_t>(at);
    TSNode name = ts_node_descendant_for_byte_range(within, begin, begin + 1);
    TSNode member = node::Parent(name);
    if (node::Is(member, "method_signature") ||
        node::Is(member, "property_signature"))
      return name;
  }
  return TSNode{};
}

// The interface, type alias or class of the file named `name` (exported
// or not; `declare class DigitalRiver { createSource(p: T): ... }` too),
// or null.
TSNode DeclaredTypeNamed(TSNode root, std::string_view name,
                         std::string_view source) {
  for (TSNode top : node::NamedChildren(root)) {
    TSNode declared = top;
    if (node::Is(top, "export_statement"))
      declared = node::Field(top, "declaration");
    // `declare class X {}`, also exported (`export declare class`, as
    // declaration files write it).
    if (node::Is(declared, "ambient_declaration"))
      declared = ts_node_named_child(declared, 0);
    if ((node::Is(declared, "interface_declaration") ||
         node::Is(declared, "type_alias_declaration") ||
         node::Is(declared, "class_declaration") ||
         node::Is(declared, "abstract_class_declaration")) &&
        node::Text(node::Field(declared, "name"), source) == name)
      return declared;
  }
  return TSNode{};
}

// The createSource `annotation` types: written in it (`{ createSource(p:
// T): ... }`) or in an interface, type alias or declared class of the
// file it names (or that a constructor `new X()` names). The name node
// there; null when none does.
TSNode TypeWithCreateSource(TSNode annotation, std::string_view source) {
  TSNode found = CreateSourceMemberIn(annotation, source);
  TSNode root = ts_tree_root_node(annotation.tree);
  auto named = [&](TSNode n) {
    if (!ts_node_is_null(found) ||
        (!node::Is(n, "type_identifier") && !node::Is(n, "identifier")))
      return;
    TSNode declared = DeclaredTypeNamed(root, node::Text(n, source), source);
    if (!ts_node_is_null(declared))
      found = CreateSourceMemberIn(declared, source);
  };
  named(annotation);
  ForEachDescendant(annotation, true, named);
  return found;
}

// Whether the createSource member holding `name` types its parameters with
// a shape that names fields: an object type (`{ amount: number }`), an
// interface or type of the file, or a type it imports (`import type {
// PayPalPayload } from './types'`: one of the project, which the tool does
// not read from here). `Record<string, unknown>`, `object`, `any` and
// global types take any object.
bool TypesFieldsOfItsPayload(TSNode name, std::string_view source) {
  TSNode member = node::Parent(name);
  TSNode root = ts_tree_root_node(name.tree);
  // Its parameters only (`createSource(p: T): Promise<{...}>`), also of a
  // property typed as a function (`createSource: (p: T) => ...`).
  TSNode parameters{};
  ForEachDescendant(member, true, [&](TSNode n) {
    if (ts_node_is_null(parameters) && node::Is(n, "formal_parameters"))
      parameters = n;
  });
  if (ts_node_is_null(parameters)) return false;
  bool strict = false;
  ForEachDescendant(parameters, true, [&](TSNode n) {
    if (strict) return;
    if (node::Is(n, "object_type")) strict = true;
    if (!node::Is(n, "type_identifier")) return;
    std::string_view type = node::Text(n, source);
    strict = !ts_node_is_null(DeclaredTypeNamed(root, type, source)) ||
             ResolveName(type, n, source).kind == Binding::Kind::kImported;
  });
  return strict;
}

// `declare const dr: T;` (and `declare let`, `declare var`) at the top of
// the file: the declarator of `name`, or null.
TSNode AmbientDeclarator(TSNode root, std::string_view name,
                         std::string_view source) {
  // Most files declare nothing: their top level is looked at once per
  // indexed tree, not once per call.
  thread_local uint64_t tree = 0;
  thread_local bool any = false;
  uint64_t id = IndexedTreeId(root);
  if (id == 0 || id != tree) {
    any = false;
    for (TSNode top : node::NamedChildren(root))
      any = any || node::Is(top, "ambient_declaration");
    tree = id;
  }
  if (!any) return TSNode{};
  for (TSNode top : node::NamedChildren(root)) {
    if (!node::Is(top, "ambient_declaration")) continue;
    TSNode found{};
    ForEachDescendant(top, false, [&](TSNode n) {
      if (node::Is(n, "variable_declarator") &&
          node::Text(node::Field(n, "name"), source) == name)
        found = n;
    });
    if (!ts_node_is_null(found)) return found;
  }
  return TSNode{};
}

// The class field `this.<name>` of the class around `use` is declared
// with: a parameter property (`constructor(private dr: T)`) or a field
// (`dr!: T`, `private dr: T = ...`); null when none.
TSNode ClassFieldDeclarator(TSNode use, std::string_view name,
                            std::string_view source) {
  TSNode klass = node::EnclosingOfType(use, "class_body");
  if (ts_node_is_null(klass)) return TSNode{};
  TSNode found{};
  ForEachDescendant(klass, true, [&](TSNode n) {
    if (!ts_node_is_null(found)) return;
    bool field = node::Is(n, "public_field_definition") &&
                 node::Text(node::Field(n, "name"), source) == name;
    bool property =
        (node::Is(n, "required_parameter") ||
         node::Is(n, "optional_parameter")) &&
        node::Text(node::Field(n, "pattern"), source) == name &&
        node::Is(node::Parent(node::Parent(n)), "method_definition");
    if (field || property) found = n;
  });
  return found;
}

// What `receiver` is declared with: a variable's, an ambient variable's, a
// parameter's or a class field's (`this.dr`) type annotation; null when none.
TSNode ReceiverAnnotation(TSNode receiver, std::string* name,
                          std::string_view source) {
  if (node::Is(receiver, "member_expression") &&
      node::Is(node::Field(receiver, "object"), "this")) {
    *name = "this." +
            std::string(node::Text(node::Field(receiver, "property"), source));
    return node::Field(ClassFieldDeclarator(receiver, name->substr(5), source),
                       "type");
  }
  if (!node::Is(receiver, "identifier")) return TSNode{};
  *name = node::Text(receiver, source);
  Binding b = ResolveName(*name, receiver, source);
  TSNode holder{};
  if (b.kind == Binding::Kind::kVariable) holder = b.declarator;
  if (b.kind == Binding::Kind::kParameter) {
    holder = b.declarator;
    TSNode up = node::Parent(holder);
    if (node::Is(holder, "identifier") && (node::Is(up, "required_parameter") ||
                                           node::Is(up, "optional_parameter")))
      holder = up;
  }
  if (b.kind == Binding::Kind::kNotFound)
    holder = AmbientDeclarator(ts_tree_root_node(receiver.tree), *name, source);
  if (ts_node_is_null(holder)) return TSNode{};
  TSNode type = node::Field(holder, "type");
  if (!ts_node_is_null(type) || b.kind != Binding::Kind::kVariable) return type;
  // `const dr = new DigitalRiver(key)` with `declare class DigitalRiver`.
  TSNode value = node::Unwrap(node::Field(holder, "value"));
  if (!node::Is(value, "new_expression")) return TSNode{};
  TSNode made_by = node::Field(value, "constructor");
  return node::Is(made_by, "identifier") ? made_by : TSNode{};
}

// Whether `n` is of a JavaScript tree, whose grammar has no type syntax.
bool IsJavaScriptTree(TSNode n) {
  return ts_tree_language(n.tree) == GrammarFor(Language::kJavaScript);
}

// Whether the file declares a createSource in a type at all: without one,
// no annotation of it can type the payload, and the receiver's declaration
// is not looked for. Worked out once per indexed tree (most files are
// plain JavaScript with many calls).
bool DeclaresCreateSourceType(TSNode root, std::string_view source) {
  // JavaScript has no types to declare one in; its files are skipped
  // without a look at each `createSource` (a bundle has thousands).
  if (IsJavaScriptTree(root)) return false;
  thread_local uint64_t tree = 0;
  thread_local bool declares = false;
  uint64_t id = IndexedTreeId(root);
  if (id != 0 && id == tree) return declares;
  declares = !ts_node_is_null(CreateSourceMemberIn(root, source));
  tree = id;
  return declares;
}

}  // namespace

std::string DeclaredReceiverType(TSNode receiver, std::string_view source) {
  receiver = node::Unwrap(receiver);
  if (!DeclaresCreateSourceType(ts_tree_root_node(receiver.tree), source))
    return "";
  std::string name;
  TSNode annotation = ReceiverAnnotation(receiver, &name, source);
  if (ts_node_is_null(annotation)) return "";
  TSNode typing = TypeWithCreateSource(annotation, source);
  if (ts_node_is_null(typing) || !TypesFieldsOfItsPayload(typing, source))
    return "";
  std::string_view type = node::Text(annotation, source);
  type.remove_prefix(std::min(type.find_first_not_of(": \t"), type.size()));
  std::string shown(type.substr(0, 60));
  if (shown.size() < type.size()) shown += "...";
  std::string how = node::Is(annotation, "identifier")
                        ? " is made by `new " + shown + "(...)`"
                        : " is declared as " + Quote(shown);
  return "the receiver " + Quote(name) + how + " (line " +
         std::to_string(node::Line(annotation)) +
         "), whose createSource (line " + std::to_string(node::Line(typing)) +
         ") types the payload: the edited object may no longer fit it (the "
         "file may not compile)";
}

std::optional<ModuleRequest> TypedReceiverRequest(TSNode receiver,
                                                  std::string_view source) {
  if (IsJavaScriptTree(receiver)) return std::nullopt;  // no annotations
  receiver = node::Unwrap(receiver);
  if (!node::Is(receiver, "identifier")) return std::nullopt;
  std::string name;
  TSNode annotation = ReceiverAnnotation(receiver, &name, source);
  if (!node::Is(annotation, "type_annotation")) return std::nullopt;
  TSNode type = ts_node_named_child(annotation, 0);
  if (node::Is(type, "generic_type")) type = ts_node_named_child(type, 0);
  if (!node::Is(type, "type_identifier")) return std::nullopt;
  std::string_view type_name = node::Text(type, source);
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(type_name, type, source), type_name, source);
  if (!ref || ref->specifier.empty()) return std::nullopt;
  return RequestAt(std::move(*ref), std::string(kCreateSource),
                   ModuleRequest::Access::kReceiverType, receiver, source);
}

TSNode DeclaredTypeIn(TSNode root, std::string_view name,
                      std::string_view source) {
  return DeclaredTypeNamed(root, name, source);
}

int CreateSourceTypingLine(TSNode root, std::string_view name,
                           std::string_view source) {
  TSNode declared = DeclaredTypeNamed(root, name, source);
  if (ts_node_is_null(declared)) return 0;
  TSNode typing = CreateSourceMemberIn(declared, source);
  if (ts_node_is_null(typing) || !TypesFieldsOfItsPayload(typing, source))
    return 0;
  return node::Line(typing);
}

int AnnotationTypingLine(TSNode annotation, std::string_view source) {
  TSNode typing = TypeWithCreateSource(annotation, source);
  if (ts_node_is_null(typing) || !TypesFieldsOfItsPayload(typing, source))
    return 0;
  return node::Line(typing);
}

}  // namespace psm
