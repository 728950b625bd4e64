#include "find/receiver_origin.h"

#include <string>
#include <vector>

#include "common/strings.h"
#include "find/scope.h"
#include "find/site_finder.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The type named by a parameter's annotation (`: PaymentService`), or null.
TSNode AnnotatedType(TSNode param) {
  TSNode annotation = node::Field(param, "type");
  if (ts_node_is_null(annotation)) return TSNode{};
  for (TSNode t : node::NamedChildren(annotation)) {
    if (node::Is(t, "type_identifier")) return t;
  }
  return TSNode{};
}

// The declared type of the parameter property `field` of the class
// `body`'s constructor, or null.
TSNode ParameterPropertyType(TSNode body, std::string_view field,
                             std::string_view source) {
  for (TSNode m : node::NamedChildren(body)) {
    if (!node::Is(m, "method_definition") ||
        node::Text(node::Field(m, "name"), source) != "constructor") {
      continue;
    }
    for (TSNode p : node::NamedChildren(node::Field(m, "parameters"))) {
      if (IsParameterProperty(p) &&
          node::Text(node::Field(p, "pattern"), source) == field) {
        return AnnotatedType(p);
      }
    }
  }
  return TSNode{};
}

// The value assigned to `this.field` (`this.x = v`) or its field
// initialiser (`x = v`) in the class `body`, or null.
TSNode FieldValue(TSNode body, std::string_view field,
                  std::string_view source) {
  TSNode value{};
  ForEachDescendant(body, true, [&](TSNode n) {
    if (!ts_node_is_null(value)) return;
    if (node::Is(n, "assignment_expression")) {
      TSNode left = node::Field(n, "left");
      if (node::Is(left, "member_expression") &&
          node::Is(node::Field(left, "object"), "this") &&
          node::Text(node::Field(left, "property"), source) == field) {
        value = node::Field(n, "right");
      }
    } else if (node::Is(n, "field_definition") ||
               node::Is(n, "public_field_definition")) {
      TSNode name = node::Field(n, "property");
      if (ts_node_is_null(name)) name = node::Field(n, "name");
      if (node::Text(name, source) == field) value = node::Field(n, "value");
    }
  });
  return value;
}

// What the getter `get field() { return v; }` of the class `body` returns,
// when its body is that one statement; null otherwise.
TSNode GetterValue(TSNode body, std::string_view field,
                   std::string_view source) {
  for (TSNode m : node::NamedChildren(body)) {
    if (!node::Is(m, "method_definition") ||
        node::Text(node::Field(m, "name"), source) != field)
      continue;
    bool getter = false;
    for (TSNode c : node::Children(m)) getter = getter || node::Is(c, "get");
    std::vector<TSNode> statements =
        node::NamedChildren(node::Field(m, "body"));
    if (getter && statements.size() == 1 &&
        node::Is(statements[0], "return_statement") &&
        ts_node_named_child_count(statements[0]) == 1)
      return ts_node_named_child(statements[0], 0);
  }
  return TSNode{};
}

// The field of `this` that `receiver` reads: `this.client` or
// `this['client']`; "" for any other receiver.
std::string_view ThisFieldName(TSNode receiver, std::string_view source) {
  TSNode object = node::Field(receiver, "object");
  if (!node::Is(object, "this")) return {};
  if (node::Is(receiver, "member_expression"))
    return node::Text(node::Field(receiver, "property"), source);
  TSNode index = node::Unwrap(node::Field(receiver, "index"));
  if (!node::Is(receiver, "subscript_expression") || !node::Is(index, "string"))
    return {};
  std::string_view quoted = node::Text(index, source);
  return quoted.size() >= 2 ? quoted.substr(1, quoted.size() - 2)
                            : std::string_view{};
}

FieldOrigin OriginOfField(TSNode body, std::string_view field,
                          std::string_view source) {
  FieldOrigin origin;
  if (ts_node_is_null(body) || field.empty()) return origin;
  origin.value = FieldValue(body, field, source);
  if (ts_node_is_null(origin.value))
    origin.value = GetterValue(body, field, source);
  if (ts_node_is_null(origin.value))
    origin.type = ParameterPropertyType(body, field, source);
  return origin;
}

// What `Owner.field` was made from when `Owner` is a class of this file
// (a static field, or a static getter) or a variable bound once to an
// object literal (`const state = { api: new Api() }`); null otherwise.
TSNode StaticOrMemberValue(TSNode receiver, std::string_view source) {
  TSNode owner = node::Unwrap(node::Field(receiver, "object"));
  if (!node::Is(receiver, "member_expression") ||
      !node::Is(owner, "identifier"))
    return TSNode{};
  std::string_view field =
      node::Text(node::Field(receiver, "property"), source);
  Binding binding = ResolveName(node::Text(owner, source), owner, source);
  if (binding.kind == Binding::Kind::kClass)
    return OriginOfField(node::Field(binding.declarator, "body"), field, source)
        .value;
  if (binding.kind != Binding::Kind::kVariable || !binding.assignments.empty())
    return TSNode{};
  TSNode object = node::Unwrap(node::Field(binding.declarator, "value"));
  if (!node::Is(object, "object")) return TSNode{};
  for (TSNode pair : node::NamedChildren(object)) {
    if (node::Is(pair, "pair") &&
        node::Text(node::Field(pair, "key"), source) == field)
      return node::Field(pair, "value");
  }
  return TSNode{};
}

// `state.api` with `state` imported (`import { state } from './api'`): a
// request for the export's member `api` as the receiver; nullopt for any
// other receiver.
std::optional<ModuleRequest> ImportedObjectMember(TSNode receiver,
                                                  std::string_view source) {
  TSNode owner = node::Unwrap(node::Field(receiver, "object"));
  if (!node::Is(receiver, "member_expression") ||
      !node::Is(owner, "identifier"))
    return std::nullopt;
  std::string_view name = node::Text(owner, source);
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(name, owner, source), name, source);
  if (!ref) return std::nullopt;
  std::string member(node::Text(node::Field(receiver, "property"), source));
  // `import * as api`: `api.client` is the module's export `client`.
  bool whole_module = ref->exported == "*";
  if (whole_module) ref->exported = member;
  ModuleRequest request =
      RequestAt(std::move(*ref), std::string(kCreateSource),
                ModuleRequest::Access::kReceiverObject, receiver, source);
  if (!whole_module) request.receiver_member = std::move(member);
  return request;
}

// `new X(...)` (maybe awaited): X, when a plain name; null otherwise.
TSNode ConstructorName(TSNode value) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  if (!node::Is(value, "new_expression")) return TSNode{};
  TSNode constructor = node::Unwrap(node::Field(value, "constructor"));
  return node::Is(constructor, "identifier") ? constructor : TSNode{};
}

std::optional<ModuleRef> ImportOfName(TSNode name, std::string_view source) {
  if (ts_node_is_null(name)) return std::nullopt;
  std::string_view text = node::Text(name, source);
  return ImportedAs(ResolveName(text, name, source), text, source);
}

// `useContext(DrContext)` or `useDigitalRiver()` (maybe awaited, or a
// plain `makeClient()`): the imported name the object comes from, or null.
TSNode ProviderName(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  if (!node::Is(value, "call_expression")) return TSNode{};
  TSNode callee = node::Unwrap(node::Field(value, "function"));
  std::string_view name = node::Text(callee, source);
  std::vector<TSNode> args = node::Arguments(value);
  if ((name == "useContext" || name == "React.useContext") &&
      args.size() == 1 && node::Is(node::Unwrap(args[0]), "identifier")) {
    return node::Unwrap(args[0]);
  }
  return node::Is(callee, "identifier") ? callee : TSNode{};
}

}  // namespace

bool IsParameterProperty(TSNode param) {
  for (TSNode c : node::Children(param)) {
    if (node::Is(c, "accessibility_modifier") || node::Is(c, "readonly") ||
        node::Is(c, "override_modifier")) {
      return true;
    }
  }
  return false;
}

FieldOrigin OriginOfThisField(TSNode member, std::string_view source) {
  return OriginOfField(node::EnclosingOfType(member, "class_body"),
                       ThisFieldName(member, source), source);
}

std::optional<ModuleRef> ClassOfThisField(TSNode member,
                                          std::string_view source) {
  FieldOrigin origin = OriginOfThisField(member, source);
  return ImportOfName(ts_node_is_null(origin.type)
                          ? ConstructorName(origin.value)
                          : origin.type,
                      source);
}

std::optional<ModuleRequest> ReceiverRequest(TSNode receiver,
                                             std::string_view source) {
  receiver = node::Unwrap(receiver);
  auto ask = [&](ModuleRef ref, ModuleRequest::Access access) {
    return RequestAt(std::move(ref), std::string(kCreateSource), access,
                     receiver, source);
  };
  TSNode made{};  // the expression the receiver was made by
  TSNode type{};  // or the class it was declared with
  if (node::Is(receiver, "identifier")) {
    std::string_view name = node::Text(receiver, source);
    Binding binding = ResolveName(name, receiver, source);
    if (std::optional<ModuleRef> ref = ImportedAs(binding, name, source)) {
      return ask(std::move(*ref), ModuleRequest::Access::kReceiverObject);
    }
    if (binding.kind != Binding::Kind::kVariable ||
        !binding.assignments.empty()) {
      return std::nullopt;
    }
    made = node::Field(binding.declarator, "value");
  } else if (node::Is(receiver, "call_expression") ||
             node::Is(receiver, "new_expression")) {
    // `new Api().createSource(...)`, `const { createSource } =
    // useContext(DrContext)`
    made = receiver;
  } else if (!ThisFieldName(receiver, source).empty()) {
    FieldOrigin origin = OriginOfThisField(receiver, source);
    made = origin.value;
    type = origin.type;
  } else if (std::optional<ModuleRequest> member =
                 ImportedObjectMember(receiver, source)) {
    return member;
  } else {
    made = StaticOrMemberValue(receiver, source);
  }
  TSNode klass = ts_node_is_null(type) ? ConstructorName(made) : type;
  if (std::optional<ModuleRef> ref = ImportOfName(klass, source)) {
    return ask(std::move(*ref), ModuleRequest::Access::kReceiverInstance);
  }
  // An object handed out by another module (a React context, a hook, a
  // factory): what it is stays unknown, but that module may wrap
  // DigitalRiver.js for this call (see the project linker's wrappers).
  if (ts_node_is_null(klass)) {
    if (std::optional<ModuleRef> ref =
            ImportOfName(ProviderName(made, source), source)) {
      return ask(std::move(*ref), ModuleRequest::Access::kReceiverObject);
    }
  }
  return std::nullopt;
}

}  // namespace psm
