#include "project/receiver_mix.h"

#include "find/member_chain.h"
#include "find/receiver.h"
#include "find/receiver_origin.h"
#include "find/receiver_values.h"
#include "project/class_syntax.h"
#include "project/module_exports.h"
#include "syntax/node.h"

namespace psm {
namespace {

std::string Dotted(std::string_view base, const std::vector<std::string>& path,
                   size_t count) {
  std::string dotted(base);
  for (size_t i = 0; i < count && i < path.size(); ++i) dotted += "." + path[i];
  return dotted;
}

// The class `entity` is, or is an instance of (`new Services()` with the
// class in this file); null otherwise.
TSNode ClassOf(TSNode entity, std::string_view text) {
  if (class_syntax::IsClassNode(entity)) return entity;
  if (!node::Is(entity, "new_expression")) return TSNode{};
  TSNode klass = ValueOf(node::Field(entity, "constructor"), text);
  return class_syntax::IsClassNode(klass) ? klass : TSNode{};
}

std::string ClassName(TSNode klass, std::string_view text) {
  TSNode name = node::Field(klass, "name");
  return ts_node_is_null(name) ? "this" : std::string(node::Text(name, text));
}

}  // namespace

std::string MixedReceiverAlong(TSNode exported,
                               const std::vector<std::string>& path,
                               std::string_view text) {
  if (path.empty()) return {};
  // `export const deps = {...}`: writes to its members count too.
  TSNode declarator = node::Parent(exported);
  TSNode name = node::Field(declarator, "name");
  if (node::Is(declarator, "variable_declarator") &&
      node::Is(name, "identifier")) {
    std::vector<TSNode> values = ChainValues({name, path}, name, text);
    if (ClassifyValues(values, text) == Receiver::kEither)
      return EitherValuesReason(
          Dotted(node::Text(name, text), path, path.size()), values, text);
  }
  TSNode entity = exported;
  for (const std::string& property : path) {
    entity = node::Unwrap(entity);
    if (TSNode klass = ClassOf(entity, text); !ts_node_is_null(klass)) {
      std::vector<TSNode> values =
          FieldValues(node::Field(klass, "body"), property, text);
      if (ClassifyValues(values, text) == Receiver::kEither)
        return EitherValuesReason(Dotted(ClassName(klass, text), {property}, 1),
                                  values, text);
      entity = values.empty() ? TSNode{} : ValueOf(values.front(), text);
    } else {
      entity = MemberOf(entity, property, false, text);
    }
    if (ts_node_is_null(entity)) return {};
  }
  return {};
}

}  // namespace psm
