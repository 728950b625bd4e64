#include "find/enum_values.h"

#include <cstdint>

#include "common/strings.h"
#include "find/scope.h"
#include "find/script_kind.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The top-level `enum <name>` declarations of the file (exported or not);
// a `declare enum` counts as one too, so that it is never taken alone.
int TopLevelEnums(TSNode root, std::string_view name, std::string_view source,
                  TSNode* found) {
  int count = 0;
  for (TSNode statement : node::NamedChildren(root)) {
    TSNode declaration = statement;
    if (node::Is(statement, "export_statement") ||
        node::Is(statement, "ambient_declaration"))
      declaration = node::Field(statement, "declaration");
    if (ts_node_is_null(declaration)) {
      for (TSNode part : node::NamedChildren(statement)) {
        if (node::Is(part, "enum_declaration")) declaration = part;
      }
    }
    if (!node::Is(declaration, "enum_declaration") ||
        node::Text(node::Field(declaration, "name"), source) != name)
      continue;
    ++count;
    *found = node::Is(statement, "ambient_declaration") ? TSNode{} : declaration;
  }
  return count;
}

// The `enum <name>` declarations of the file seen at `use`, at any depth:
// one in a function or namespace shadows the top-level one there, which
// TopLevelEnums alone would miss (`PaymentType.PayPal` inside `namespace
// Inner { enum PaymentType { PayPal = 'creditCard' } }`); one in another
// function is not seen.
int EnumsNamed(TSNode root, std::string_view name, std::string_view source,
               TSNode use) {
  int count = 0;
  for (size_t at : WordsAt(source, name)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size()));
    TSNode parent = node::Parent(n);
    if (!node::Is(parent, "enum_declaration") ||
        !ts_node_eq(node::Field(parent, "name"), n))
      continue;
    TSNode holder = node::Parent(parent);
    if (node::Is(holder, "export_statement")) holder = node::Parent(holder);
    if (ts_node_is_null(holder) ||
        node::Range(holder).Contains(node::Range(use)))
      ++count;
  }
  return count;
}

// Whether the file says `enum` at all: asked for every member read a
// payload holds, so answered once per file (most have none).
bool MayDeclareEnums(TSNode at, std::string_view source) {
  thread_local uint64_t tree = 0;
  thread_local bool says_enum = false;
  uint64_t id = IndexedTreeId(at);
  if (id == 0 || id != tree) {
    tree = id;
    says_enum = !WordsAt(source, "enum").empty();
  }
  return says_enum;
}

bool IsConstEnum(TSNode declaration) {
  for (TSNode part : node::Children(declaration)) {
    if (node::Type(part) == "const") return true;
  }
  return false;
}

// The string `member` of `declaration` is given, if any.
bool MemberString(TSNode declaration, std::string_view member,
                  std::string_view source, std::string* value) {
  for (TSNode entry : node::NamedChildren(node::Field(declaration, "body"))) {
    if (!node::Is(entry, "enum_assignment")) continue;
    TSNode name = node::Field(entry, "name");
    std::string key;
    if (!node::StringLiteralValue(name, source, &key))
      key = std::string(node::Text(name, source));
    if (key == member)
      return node::StringLiteralValue(node::Field(entry, "value"), source,
                                      value);
  }
  return false;
}

}  // namespace

bool TraceEnumMemberToString(TSNode member_expression, std::string_view source,
                             std::string* value) {
  if (!MayDeclareEnums(member_expression, source)) return false;
  TSNode object = node::Unwrap(node::Field(member_expression, "object"));
  TSNode property = node::Field(member_expression, "property");
  if (!node::Is(object, "identifier") ||
      !node::Is(property, "property_identifier"))
    return false;
  std::string_view name = node::Text(object, source);
  if (ResolveName(name, object, source).kind != Binding::Kind::kNotFound)
    return false;  // a binding of the file, not the enum
  TSNode root = ts_tree_root_node(object.tree);
  TSNode declaration{};
  if (TopLevelEnums(root, name, source, &declaration) != 1 ||
      ts_node_is_null(declaration) ||
      EnumsNamed(root, name, source, member_expression) != 1)
    return false;
  if (!IsConstEnum(declaration) && IsClassicScript(root, source)) return false;
  return MemberString(declaration, node::Text(property, source), source,
                      value);
}

}  // namespace psm
