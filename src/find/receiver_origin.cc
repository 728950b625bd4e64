#include "find/receiver_origin.h"

#include <string>
#include <vector>

#include "common/strings.h"
#include "find/member_chain.h"
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

}  // namespace

std::vector<TSNode> FieldValues(TSNode body, std::string_view field,
                                std::string_view source) {
  std::vector<TSNode> values;
  if (ts_node_is_null(body) || field.empty()) return values;
  ForEachDescendant(body, true, [&](TSNode n) {
    if (node::Is(n, "assignment_expression")) {
      TSNode left = node::Field(n, "left");
      if (node::Is(left, "member_expression") &&
          node::Is(node::Field(left, "object"), "this") &&
          node::Text(node::Field(left, "property"), source) == field) {
        values.push_back(node::Field(n, "right"));
      }
    } else if (node::Is(n, "field_definition") ||
               node::Is(n, "public_field_definition")) {
      TSNode name = node::Field(n, "property");
      if (ts_node_is_null(name)) name = node::Field(n, "name");
      TSNode value = node::Field(n, "value");
      if (node::Text(name, source) == field && !ts_node_is_null(value))
        values.push_back(value);
    }
  });
  return values;
}

namespace {

// What a name bound once to a value stands for (`const api = new Api()`),
// through a few such names; any other expression as it is.
TSNode BoundValue(TSNode value, std::string_view source) {
  for (int hops = 0; hops < 4; ++hops) {
    value = node::Unwrap(value);
    if (!node::Is(value, "identifier")) return value;
    Binding b = ResolveName(node::Text(value, source), value, source);
    if (b.kind != Binding::Kind::kVariable || !b.assignments.empty())
      return value;
    value = node::Field(b.declarator, "value");
  }
  return TSNode{};
}

// What the getter `get field() { ...; return v; }` of the class `body`
// returns, when its body returns once, as its last statement (`v` through a
// name bound once in it: `const api = new Api(); api.ready = true; return
// api;`); null otherwise.
TSNode GetterValue(TSNode body, std::string_view field,
                   std::string_view source) {
  for (TSNode m : node::NamedChildren(body)) {
    if (!node::Is(m, "method_definition") ||
        node::Text(node::Field(m, "name"), source) != field)
      continue;
    bool getter = false;
    for (TSNode c : node::Children(m)) getter = getter || node::Is(c, "get");
    std::vector<TSNode> statements;
    for (TSNode st : node::NamedChildren(node::Field(m, "body")))
      if (!node::IsComment(st)) statements.push_back(st);
    if (!getter || statements.empty()) return TSNode{};
    TSNode last = statements.back();
    if (!node::Is(last, "return_statement") ||
        ts_node_named_child_count(last) != 1)
      return TSNode{};
    int returns = 0;  // a `return` before the last one may give another value
    ForEachDescendant(node::Field(m, "body"), false, [&](TSNode n) {
      if (node::Is(n, "return_statement")) ++returns;
    });
    if (returns != 1) return TSNode{};
    return BoundValue(ts_node_named_child(last, 0), source);
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

}  // namespace

FieldOrigin OriginOfField(TSNode body, std::string_view field,
                          std::string_view source) {
  FieldOrigin origin;
  if (ts_node_is_null(body) || field.empty()) return origin;
  std::vector<TSNode> values = FieldValues(body, field, source);
  if (!values.empty()) origin.value = values.front();
  if (ts_node_is_null(origin.value))
    origin.value = GetterValue(body, field, source);
  if (ts_node_is_null(origin.value))
    origin.type = ParameterPropertyType(body, field, source);
  return origin;
}

namespace {

// The value `this.field` (at `self`, a `this`) was set to in its class, or
// null.
TSNode OriginOfThisFieldNamed(TSNode self, std::string_view field,
                              std::string_view source) {
  return OriginOfField(node::EnclosingOfType(self, "class_body"), field, source)
      .value;
}

// The property `name` of `value` in this file: an object literal's
// (`{ api: new Api() }`, `{ api }`), or a class's static field, static
// getter or `this.name = ...` (`Checkout.api`); null when not shown.
TSNode PropertyOf(TSNode value, const std::string& name,
                  std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "class_declaration") || node::Is(value, "class"))
    return OriginOfField(node::Field(value, "body"), name, source).value;
  if (!node::Is(value, "object")) return TSNode{};
  for (TSNode m : node::NamedChildren(value)) {
    if (node::Is(m, "pair") &&
        node::Text(node::Field(m, "key"), source) == name)
      return node::Field(m, "value");
    if (node::Is(m, "shorthand_property_identifier") &&
        node::Text(m, source) == name)
      return m;  // a name, resolved by the caller
  }
  return TSNode{};
}

// Where a receiver read through `chain` comes from, followed in this file
// through object literals, a class's static members and `this` fields, and
// names bound once. Reaching a name another module exports hands the rest
// of the chain to the project model (`request`: `app.services.payments`
// with `app` imported); otherwise `made` is what the last property holds
// (null when the file does not show it).
struct ChainEnd {
  std::optional<ModuleRequest> request;
  TSNode made{};
};

// The rest of a chain from `value` on: `path[next...]` read through
// object literals, a class's static members and names bound once.
ChainEnd WalkPath(TSNode value, const std::vector<std::string>& path,
                  size_t next, TSNode receiver, std::string_view source) {
  for (int hops = 0; hops < 16; ++hops) {
    value = node::Unwrap(value);
    if (ts_node_is_null(value)) return {};
    if (node::Is(value, "identifier") ||
        node::Is(value, "shorthand_property_identifier")) {
      std::string_view name = node::Text(value, source);
      Binding b = ResolveName(name, value, source);
      if (std::optional<ModuleRef> ref = ImportedAs(b, name, source)) {
        std::vector<std::string> rest(path.begin() + next, path.end());
        // `import * as api`: `api.client` is the module's export `client`.
        if (ref->exported == "*" && !rest.empty()) {
          ref->exported = rest.front();
          rest.erase(rest.begin());
        }
        ModuleRequest request =
            RequestAt(std::move(*ref), std::string(kCreateSource),
                      ModuleRequest::Access::kReceiverObject, receiver, source);
        request.receiver_path = std::move(rest);
        return {std::move(request), {}};
      }
      if (b.kind == Binding::Kind::kClass) {
        value = b.declarator;
      } else if (b.kind == Binding::Kind::kVariable && b.assignments.empty()) {
        value = node::Field(b.declarator, "value");
        continue;
      } else {
        return {};
      }
    }
    if (next == path.size()) return {{}, value};
    value = PropertyOf(value, path[next++], source);
  }
  return {};
}

ChainEnd FollowChain(const MemberChain& chain, TSNode receiver,
                     std::string_view source) {
  if (!node::Is(chain.base, "this"))
    return WalkPath(chain.base, chain.path, 0, receiver, source);
  if (chain.path.empty()) return {};  // `this.createSource(...)`
  return WalkPath(
      OriginOfThisFieldNamed(chain.base, chain.path.front(), source),
      chain.path, 1, receiver, source);
}

// The imported class the class around `at` extends (`class Sub extends
// Base` with `Base` imported), or nullopt.
std::optional<ModuleRef> ImportedBaseClass(TSNode at, std::string_view source) {
  TSNode klass = node::Parent(node::EnclosingOfType(at, "class_body"));
  for (TSNode c : node::NamedChildren(klass)) {
    if (!node::Is(c, "class_heritage")) continue;
    TSNode base = node::Unwrap(ts_node_named_child(c, 0));
    // TypeScript: `extends_clause` around the name.
    if (node::Is(base, "extends_clause"))
      base = node::Unwrap(node::Field(base, "value"));
    if (!node::Is(base, "identifier")) return std::nullopt;
    std::string_view name = node::Text(base, source);
    return ImportedAs(ResolveName(name, base, source), name, source);
  }
  return std::nullopt;
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
  std::optional<MemberChain> chain = ChainOf(receiver, source);
  if (node::Is(receiver, "call_expression") ||
      node::Is(receiver, "new_expression")) {
    // `new Api().createSource(...)`, `const { createSource } =
    // useContext(DrContext)`
    made = receiver;
  } else if (std::string_view field = ThisFieldName(receiver, source);
             !field.empty()) {
    FieldOrigin origin = OriginOfThisField(receiver, source);
    made = origin.value;
    type = origin.type;
    if (ts_node_is_null(made) && ts_node_is_null(type)) {
      if (std::optional<ModuleRef> base = ImportedBaseClass(receiver, source)) {
        // Set in the constructor of a base class another module exports.
        ModuleRequest request =
            ask(std::move(*base), ModuleRequest::Access::kReceiverObject);
        request.receiver_path = {std::string(field)};
        return request;
      }
    }
  } else if (chain) {
    // `api`, `services.payments`, `Checkout.api`, `deps.api`, `this.a.b`,
    // or a name bound once to one of them.
    ChainEnd end = FollowChain(*chain, receiver, source);
    if (end.request) {
      // The export itself (`import { api }`, `const api = require(...)`)
      // answers as an object; a member of it as the member's value.
      return end.request;
    }
    made = end.made;
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

TSNode ValueAlongPath(TSNode value, const std::vector<std::string>& path,
                      size_t from, std::string_view source) {
  return WalkPath(value, path, from, value, source).made;
}

TSNode ChainValueInFile(const MemberChain& chain, TSNode receiver,
                        std::string_view source) {
  return FollowChain(chain, receiver, source).made;
}

}  // namespace psm
