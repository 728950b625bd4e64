// Second writes of an object's member that the builder found there does
// not see: `export const api = { build: paypal }` followed by `api.build =
// wire` (or `Object.assign(api, { build: wire })`) hands importers `wire`.

#include "find/object_writes.h"

#include <string>

#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Calls that read what they are handed and write nothing to it.
constexpr std::string_view kReaders[] = {
    "Object.keys",   "Object.values",
    "Object.entries", "Object.freeze",
    "Object.seal",   "Object.isFrozen",
    "Object.getOwnPropertyNames", "Object.getOwnPropertyDescriptor",
    "Object.getOwnPropertyDescriptors", "JSON.stringify"};

// Whether `target` (a member or subscript expression) is written: the
// left of an assignment, `++`, `delete`, a destructuring target.
bool IsWritten(TSNode target) {
  TSNode parent = node::Parent(target);
  while (node::Is(parent, "parenthesized_expression")) {
    target = parent;
    parent = node::Parent(parent);
  }
  if (node::Is(parent, "assignment_expression") ||
      node::Is(parent, "augmented_assignment_expression"))
    return ts_node_eq(node::Field(parent, "left"), target);
  if (node::Is(parent, "update_expression")) return true;
  return node::IsPatternPart(parent);
}

// Whether `delete` is the operator of the unary expression `unary`.
bool IsDelete(TSNode unary, std::string_view source) {
  return node::Is(unary, "unary_expression") &&
         node::Text(unary, source).starts_with("delete");
}

// Whether the member of `object` (`object.<key>`, `object['<key>']`,
// `object[k]`) that `use` (the object) is part of is `key` or may be, and
// is written.
bool WritesMember(TSNode use, std::string_view key, std::string_view source) {
  TSNode member = node::Parent(use);
  if (!ts_node_eq(node::Field(member, "object"), use)) return false;
  if (node::Is(member, "member_expression")) {
    if (node::Text(node::Field(member, "property"), source) != key)
      return false;
  } else if (node::Is(member, "subscript_expression")) {
    std::string literal;
    if (node::StringLiteralValue(node::Field(member, "index"), source,
                                 &literal) &&
        literal != key)
      return false;
  } else {
    return false;
  }
  return IsWritten(member) || IsDelete(node::Parent(member), source);
}

// Whether `use` of the holder's variable may set its member `key`.
bool MayWrite(TSNode use, std::string_view key, std::string_view source) {
  if (WritesMember(use, key, source)) return true;
  TSNode parent = node::Parent(use);
  if (node::Is(parent, "arguments"))
    return MayWriteThrough(node::Parent(parent), use, source);
  // An alias, written through later.
  if (node::Is(parent, "variable_declarator"))
    return ts_node_eq(node::Field(parent, "value"), use);
  if (node::Is(parent, "assignment_expression"))
    return ts_node_eq(node::Field(parent, "right"), use);
  return false;
}

}  // namespace

bool MayWriteThrough(TSNode call, TSNode argument, std::string_view source) {
  TSNode callee = node::Field(call, node::Is(call, "new_expression")
                                        ? "constructor"
                                        : "function");
  std::string_view name = node::Text(callee, source);
  if (name.starts_with("console.")) return false;
  for (std::string_view reader : kReaders) {
    if (name == reader) return false;
  }
  if (name == "Object.assign") {  // writes only to its first argument
    std::vector<TSNode> args = node::Arguments(call);
    return !args.empty() && ts_node_eq(node::Unwrap(args[0]), argument);
  }
  return true;
}

std::vector<TSNode> HolderWrites(TSNode object, std::string_view key,
                                 std::string_view source) {
  std::vector<TSNode> writes;
  ForEachDescendant(object, true, [&](TSNode n) {
    if (node::Is(n, "this") && WritesMember(n, key, source))
      writes.push_back(n);
  });
  TSNode declarator = node::Parent(object);
  while (node::Is(declarator, "parenthesized_expression"))
    declarator = node::Parent(declarator);
  if (!node::Is(declarator, "variable_declarator")) return writes;
  TSNode name = node::Field(declarator, "name");
  if (!node::Is(name, "identifier")) return writes;
  std::string_view text = node::Text(name, source);
  for (TSNode use : UsesOf(ResolveName(text, name, source), text, source)) {
    if (!ts_node_eq(use, name) && MayWrite(use, key, source))
      writes.push_back(use);
  }
  return writes;
}

std::vector<TSNode> ClassMemberWrites(TSNode klass, std::string_view key,
                                      std::string_view source) {
  std::vector<TSNode> writes;
  TSNode name = node::Field(klass, "name");
  if (!node::Is(klass, "class_declaration") &&
      !node::Is(klass, "abstract_class_declaration")) {  // `const R = class {}`
    TSNode declarator = node::Parent(klass);
    if (!node::Is(declarator, "variable_declarator")) return writes;
    name = node::Field(declarator, "name");
  }
  if (!node::Is(name, "identifier") && !node::Is(name, "type_identifier"))
    return writes;
  std::string_view text = node::Text(name, source);
  for (TSNode use : UsesOf(ResolveName(text, name, source), text, source)) {
    if (ts_node_eq(use, name)) continue;
    // The static side is the class; the instance side its prototype.
    TSNode prototype = node::Parent(use);
    bool through_prototype =
        node::Is(prototype, "member_expression") &&
        ts_node_eq(node::Field(prototype, "object"), use) &&
        node::Text(node::Field(prototype, "property"), source) == "prototype";
    if (MayWrite(use, key, source) ||
        (through_prototype && MayWrite(prototype, key, source)))
      writes.push_back(use);
  }
  return writes;
}

}  // namespace psm
