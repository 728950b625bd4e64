#include "project/class_syntax.h"

#include "find/scope.h"
#include "syntax/node.h"

namespace psm::class_syntax {

bool IsClassNode(TSNode n) {
  return node::Is(n, "class_declaration") || node::Is(n, "class") ||
         node::Is(n, "abstract_class_declaration");
}

// The class whose body holds the method `method`, or null.
TSNode ClassOfMethod(TSNode method) {
  TSNode body = node::Parent(method);
  if (!node::Is(method, "method_definition") || !node::Is(body, "class_body"))
    return TSNode{};
  TSNode klass = node::Parent(body);
  return IsClassNode(klass) ? klass : TSNode{};
}

std::string NameOf(TSNode n, std::string_view text) {
  TSNode name = node::Field(n, "name");
  return ts_node_is_null(name) ? "" : std::string(node::Text(name, text));
}

// The instance method `member` the class body of `klass` defines itself.
TSNode OwnMethod(TSNode klass, std::string_view member, std::string_view text) {
  for (TSNode m : node::NamedChildren(node::Field(klass, "body"))) {
    if (node::Is(m, "method_definition") && NameOf(m, text) == member &&
        !node::Text(m, text).starts_with("static")) {
      return m;
    }
  }
  return TSNode{};
}

// Every `super.member` in `klass`.
std::vector<TSNode> SuperUses(TSNode klass, std::string_view member,
                              std::string_view text) {
  std::vector<TSNode> uses;
  ForEachDescendant(klass, true, [&](TSNode n) {
    if (node::Is(n, "member_expression") &&
        node::Is(node::Field(n, "object"), "super") &&
        node::Text(node::Field(n, "property"), text) == member) {
      uses.push_back(n);
    }
  });
  return uses;
}

// The value of the one `type:` member in `method`'s objects, or null.
TSNode TypeValue(TSNode method, std::string_view text) {
  std::vector<TSNode> types;
  ForEachDescendant(method, true, [&](TSNode n) {
    if (node::Is(n, "pair") &&
        node::Text(node::Field(n, "key"), text) == "type") {
      types.push_back(node::Unwrap(node::Field(n, "value")));
    }
  });
  return types.size() == 1 ? types[0] : TSNode{};
}

// The first `this.field` in `klass`, or null.
TSNode FieldUse(TSNode klass, std::string_view field, std::string_view text) {
  TSNode found{};
  ForEachDescendant(klass, true, [&](TSNode n) {
    if (ts_node_is_null(found) && node::Is(n, "member_expression") &&
        node::Is(node::Field(n, "object"), "this") &&
        node::Text(node::Field(n, "property"), text) == field) {
      found = n;
    }
  });
  return found;
}

}  // namespace psm::class_syntax
