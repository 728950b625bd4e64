#include "find/jsdoc_type.h"
#include "find/declared_type.h"

#include <cctype>
#include <string>
#include <vector>

#include "common/strings.h"
#include "find/module_request.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

bool IsAssertion(TSNode n) {
  return node::Is(n, "as_expression") || node::Is(n, "satisfies_expression") ||
         node::Is(n, "type_assertion");
}

// The nodes node::Unwrap looks through: the value inside is the same
// object, so a type given to any of them is given to it.
bool IsWrapper(TSNode n) {
  return IsAssertion(n) || node::Is(n, "parenthesized_expression") ||
         node::Is(n, "non_null_expression");
}

// The named child `index` of `n`, comments not counted: a comment may
// stand between an expression and its `as T`.
TSNode NamedAt(TSNode n, uint32_t index) {
  for (TSNode child : node::NamedChildren(n)) {
    if (node::IsComment(child)) continue;
    if (index == 0) return child;
    --index;
  }
  return TSNode{};
}

// The value an assertion or wrapper holds: `<T>` comes before it.
TSNode Inner(TSNode wrapper) {
  return NamedAt(wrapper, node::Is(wrapper, "type_assertion") ? 1 : 0);
}

// The type an assertion gives; null for `as const`, whose `const` is a
// keyword, not a type node.
TSNode AssertionType(TSNode assertion) {
  if (node::Is(assertion, "type_assertion"))
    return NamedAt(NamedAt(assertion, 0), 0);  // T of `<T>`
  return NamedAt(assertion, 1);
}

// The names of types `type` is made of, outermost first: `Promise` and
// `Dr` for `Promise<Dr.Payload>` (a qualified name is found by its first
// part, which is what declarations and imports bind).
void TypeNames(TSNode type, std::string_view source,
               std::vector<std::string_view>* names) {
  if (node::Is(type, "type_identifier")) {
    names->push_back(node::Text(type, source));
    return;
  }
  if (node::Is(type, "nested_type_identifier")) {
    std::string_view text = node::Text(type, source);
    names->push_back(text.substr(0, text.find_first_of(". \t\r\n")));
    return;
  }
  for (TSNode child : node::NamedChildren(type))
    TypeNames(child, source, names);
}

// Whether `import_statement` binds `name` in this module.
bool Imports(TSNode import_statement, std::string_view name,
             std::string_view source) {
  for (TSNode n : node::NamedChildren(import_statement)) {
    std::string_view type = node::Type(n);
    if (type == "import_specifier") {
      // `{ A as B }` binds B only.
      TSNode local = node::Field(n, "alias");
      if (ts_node_is_null(local)) local = node::Field(n, "name");
      if (node::Text(local, source) == name) return true;
    } else if (type == "identifier") {
      if (node::Text(n, source) == name) return true;  // default, `* as ns`
    } else if (type == "import_clause" || type == "named_imports" ||
               type == "namespace_import") {
      if (Imports(n, name, source)) return true;
    }
  }
  return false;
}

// Where `statement` (of a module or block) defines or imports type `name`;
// "" when it does not.
std::string DefinedBy(TSNode statement, std::string_view name,
                      std::string_view source) {
  std::string_view type = node::Type(statement);
  if (type == "export_statement" || type == "ambient_declaration") {
    for (TSNode inner : node::NamedChildren(statement)) {
      if (std::string found = DefinedBy(inner, name, source); !found.empty())
        return found;
    }
    return "";
  }
  if (type == "import_statement") {
    if (!Imports(statement, name, source)) return "";
    std::string_view from =
        node::Text(node::Field(statement, "source"), source);
    if (from.size() >= 2) from = from.substr(1, from.size() - 2);
    return "imported from `" + std::string(from) + "`";
  }
  bool declares =
      type == "interface_declaration" || type == "type_alias_declaration" ||
      type == "class_declaration" || type == "abstract_class_declaration" ||
      type == "enum_declaration";
  if (!declares || node::Text(node::Field(statement, "name"), source) != name)
    return "";
  return "defined at line " + std::to_string(node::Line(statement));
}

// Where `name` comes from, looking in each module or block around `at`,
// nearest first.
std::string DefinedWhere(TSNode at, std::string_view name,
                         std::string_view source) {
  for (TSNode scope = node::Parent(at); !ts_node_is_null(scope);
       scope = node::Parent(scope)) {
    if (!node::Is(scope, "program") && !node::Is(scope, "statement_block"))
      continue;
    for (TSNode statement : node::NamedChildren(scope)) {
      if (std::string found = DefinedBy(statement, name, source);
          !found.empty()) {
        return found;
      }
    }
  }
  return "";
}

// Where the first of the names `type` is made of that this file defines or
// imports comes from, naming it unless it is the whole type: "defined at
// line 1", "`Dr` imported from `@dr/types`"; "" when none is.
std::string DefinedWhere(TSNode type, std::string_view source) {
  std::vector<std::string_view> names;
  TypeNames(type, source, &names);
  for (std::string_view name : names) {
    std::string found = DefinedWhere(type, name, source);
    if (found.empty()) continue;
    if (name == node::Text(type, source)) return found;
    return "`" + std::string(name) + "` " + found;
  }
  return "";
}

// The declaration of type `name` of kind `type` (`type_alias_declaration`,
// `interface_declaration`; exported or not) in the modules or blocks around
// `at`, nearest first; null when there is none.
TSNode TypeDeclaration(TSNode at, std::string_view type, std::string_view name,
                       std::string_view source) {
  for (TSNode scope = node::Parent(at); !ts_node_is_null(scope);
       scope = node::Parent(scope)) {
    if (!node::Is(scope, "program") && !node::Is(scope, "statement_block"))
      continue;
    for (TSNode statement : node::NamedChildren(scope)) {
      TSNode decl = statement;
      if (node::Is(decl, "export_statement"))
        decl = node::Field(decl, "declaration");
      if (node::Is(decl, type) &&
          node::Text(node::Field(decl, "name"), source) == name)
        return decl;
    }
  }
  return TSNode{};
}

// The value of the type alias `type Name = ...;` around `at`.
TSNode AliasValue(TSNode at, std::string_view name, std::string_view source) {
  return node::Field(
      TypeDeclaration(at, "type_alias_declaration", name, source), "value");
}

// The interface `name` around `at` (its `interface_body`), without
// `extends`; null when there is none.
TSNode InterfaceBody(TSNode at, std::string_view name,
                     std::string_view source) {
  TSNode decl = TypeDeclaration(at, "interface_declaration", name, source);
  if (ts_node_is_null(decl)) return TSNode{};
  for (TSNode c : node::NamedChildren(decl)) {
    if (node::Is(c, "extends_type_clause")) return TSNode{};
  }
  return node::Field(decl, "body");
}

// The fields `body` (an object type or interface body) lists; false when
// it holds anything but plain property signatures (an index signature, a
// method, a call signature), whose fields the check cannot list.
bool ReadFields(TSNode body, std::string_view source,
                std::vector<DeclaredType::Field>* fields) {
  if (ts_node_is_null(body)) return false;
  for (TSNode member : node::NamedChildren(body)) {
    if (node::IsComment(member)) continue;
    if (!node::Is(member, "property_signature")) return false;
    TSNode name = node::Field(member, "name");
    std::string key;
    if (node::Is(name, "property_identifier")) {
      key = std::string(node::Text(name, source));
    } else if (!node::StringLiteralValue(name, source, &key)) {
      return false;
    }
    bool optional = false;
    for (uint32_t i = 0; i < ts_node_child_count(member); ++i) {
      TSNode c = ts_node_child(member, i);
      if (!ts_node_is_named(c) && node::Text(c, source) == "?") optional = true;
    }
    fields->push_back({std::move(key), optional});
  }
  return true;
}

std::optional<DeclaredType> Declared(TSNode type, std::string_view source) {
  if (ts_node_is_null(type)) return std::nullopt;
  DeclaredType declared{std::string(node::Text(type, source)), node::Line(type),
                        DefinedWhere(type, source)};
  // `type SourcePayload = Record<string, unknown>`: what the name means
  // decides whether it lists fields (a few aliases deep).
  TSNode named = type;
  TSNode last = type;  // what the alias chain ends at
  for (int hop = 0; hop < 4 && node::Is(named, "type_identifier"); ++hop) {
    TSNode interface = InterfaceBody(named, node::Text(named, source), source);
    if (!ts_node_is_null(interface)) {
      last = interface;
      break;
    }
    named = AliasValue(named, node::Text(named, source), source);
    if (ts_node_is_null(named)) break;
    declared.means = std::string(node::Text(named, source));
    last = named;
  }
  if (node::Is(last, "object_type") || node::Is(last, "interface_body"))
    declared.fields_known = ReadFields(last, source, &declared.fields);
  if (!declared.fields_known) declared.fields.clear();
  return declared;
}

}  // namespace

namespace {

// `{[key: string]: any}` and the like, spaces removed: any field fits.
bool IsOpenIndexSignature(std::string_view flat) {
  if (!flat.starts_with("{[") || !flat.ends_with("}")) return false;
  size_t close = flat.find("]:");
  if (close == std::string_view::npos) return false;
  std::string_view key = flat.substr(2, close - 2);
  std::string_view value = flat.substr(close + 2);
  value.remove_suffix(1);  // `}`
  if (value.ends_with(";") || value.ends_with(",")) value.remove_suffix(1);
  return key.ends_with(":string") && (value == "any" || value == "unknown");
}

}  // namespace

bool TypeListsFields(std::string_view type) {
  std::string flat;
  for (char c : type) {
    if (!std::isspace(static_cast<unsigned char>(c))) flat += c;
  }
  for (std::string_view open :
       {"any", "unknown", "object", "Object", "{}", "Record<string,any>",
        "Record<string,unknown>"}) {
    if (flat == open) return false;
  }
  return !IsOpenIndexSignature(flat);
}

std::string TypeWithFieldsShown(const std::optional<DeclaredType>& type) {
  if (!type || !TypeListsFields(type->means.empty() ? type->text : type->means))
    return "";
  std::string where = "line " + std::to_string(type->line);
  if (!type->defined.empty()) where += "; " + type->defined;
  return "`" + type->text + "` (" + where + ")";
}

std::optional<DeclaredType> AnnotatedType(TSNode holder, std::string_view field,
                                          std::string_view source) {
  TSNode up = node::Parent(holder);
  if (node::Is(holder, "identifier") && (node::Is(up, "required_parameter") ||
                                         node::Is(up, "optional_parameter"))) {
    holder = up;
  }
  TSNode annotation = node::Field(holder, field);
  // JavaScript has no annotations; a `// @ts-check` file's JSDoc acts as one.
  if (ts_node_is_null(annotation)) return JsDocType(holder, field, source);
  // Type predicates (`x is T`, `asserts x`) give no object type.
  if (!node::Is(annotation, "type_annotation")) return std::nullopt;
  return Declared(NamedAt(annotation, 0), source);
}

std::optional<DeclaredType> AssertedType(TSNode expr, std::string_view source) {
  TSNode nearest{};
  // Outermost first: the last assertion met is the nearest to the value.
  std::optional<DeclaredType> cast;  // `/** @type {T} */ (x)`
  for (TSNode n = expr; IsWrapper(n); n = Inner(n)) {
    if (node::Is(n, "parenthesized_expression")) {
      if (std::optional<DeclaredType> t = JsDocType(n, "cast", source)) {
        cast = std::move(t);
        nearest = TSNode{};
      }
    }
    if (!IsAssertion(n)) continue;
    if (TSNode type = AssertionType(n); !ts_node_is_null(type)) {
      nearest = type;
      cast.reset();
    }
  }
  if (cast) return cast;
  return Declared(nearest, source);
}

std::optional<DeclaredType> DeclaredTypeAround(TSNode literal,
                                               std::string_view source) {
  TSNode value = literal;
  for (TSNode up = node::Parent(value); IsWrapper(up); up = node::Parent(up)) {
    if (IsAssertion(up)) {  // innermost first: the nearest wins
      if (TSNode type = AssertionType(up); !ts_node_is_null(type))
        return Declared(type, source);
    }
    if (node::Is(up, "parenthesized_expression")) {
      if (std::optional<DeclaredType> cast = JsDocType(up, "cast", source))
        return cast;
    }
    value = up;
  }
  TSNode holder = node::Parent(value);
  if ((node::Is(holder, "variable_declarator") ||
       node::Is(holder, "public_field_definition")) &&
      ts_node_eq(node::Field(holder, "value"), value)) {
    return AnnotatedType(holder, "type", source);
  }
  return std::nullopt;
}

namespace {

// The type given to the value at `value` where it stands: an assertion
// around it (`{...} satisfies T`, `as T`) or the annotation of the variable
// it initialises (`const payPal: Builder = ...`).
std::optional<DeclaredType> TypeWhereItStands(TSNode value,
                                              std::string_view source) {
  TSNode up = node::Parent(value);
  for (; IsWrapper(up); value = up, up = node::Parent(up)) {
    if (!IsAssertion(up)) continue;
    if (TSNode type = AssertionType(up); !ts_node_is_null(type))
      return Declared(type, source);
  }
  if (node::Is(up, "variable_declarator") &&
      ts_node_eq(node::Field(up, "value"), value))
    return AnnotatedType(up, "type", source);
  return std::nullopt;
}

// Whether the interface `type` (of an `implements` clause) may type the
// method `name`: an interface of the file that names it, or one imported
// from a module of the project (`./types`), which the tool does not read
// from here. A package's (`OnInit` of `@angular/core`) types no builder.
bool MayTypeMethod(TSNode type, std::string_view name,
                   std::string_view source) {
  if (node::Is(type, "generic_type")) type = NamedAt(type, 0);
  if (!node::Is(type, "type_identifier")) return false;
  std::string_view interface = node::Text(type, source);
  for (TSNode top : node::NamedChildren(ts_tree_root_node(type.tree))) {
    TSNode declared = node::Is(top, "export_statement")
                          ? node::Field(top, "declaration")
                          : top;
    if (node::Is(declared, "interface_declaration") &&
        node::Text(node::Field(declared, "name"), source) == interface)
      return !WordsAt(node::Text(declared, source), name).empty();
  }
  Binding b = ResolveName(interface, type, source);
  std::optional<ModuleRef> ref = ImportedAs(b, interface, source);
  return ref && ref->specifier.starts_with(".");
}

// The interface the class around `method` implements that may type its
// returns (`class PayPalRequest implements SourceRequest`); null if none.
TSNode ImplementedType(TSNode method, std::string_view source) {
  TSNode body = node::Parent(method);
  if (!node::Is(body, "class_body")) return TSNode{};
  std::string_view name = node::Text(node::Field(method, "name"), source);
  for (TSNode part : node::NamedChildren(node::Parent(body))) {
    if (!node::Is(part, "class_heritage")) continue;
    for (TSNode clause : node::NamedChildren(part)) {
      if (!node::Is(clause, "implements_clause")) continue;
      for (TSNode type : node::NamedChildren(clause)) {
        if (MayTypeMethod(type, name, source)) return type;
      }
    }
  }
  return TSNode{};
}

}  // namespace

std::optional<DeclaredType> ContextualType(TSNode function,
                                           std::string_view source) {
  if (std::optional<DeclaredType> t = TypeWhereItStands(function, source))
    return t;
  TSNode up = node::Parent(function);
  if (node::Is(up, "pair") && ts_node_eq(node::Field(up, "value"), function))
    up = node::Parent(up);
  if (node::Is(up, "object")) return TypeWhereItStands(up, source);
  if (TSNode type = ImplementedType(function, source); !ts_node_is_null(type))
    return Declared(type, source);
  return std::nullopt;
}

}  // namespace psm
