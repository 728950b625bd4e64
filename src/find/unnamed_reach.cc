#include "find/unnamed_reach.h"

#include "common/strings.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Whether `word` can stand in `scope` at all: a cheap test before a walk.
// With an index (IndexedTree) the lookup is cheap already, and a search of
// the whole text per call site made a long file quadratic.
bool MayName(TSNode scope, std::string_view word, std::string_view source) {
  return IndexedTreeId(scope) != 0 ||
         node::Text(scope, source).find(word) != std::string_view::npos;
}

// `eval` can read and write every variable in scope.
void ObserveEval(const TrackedBinding& tracked, std::string_view source,
                 std::vector<PayloadObserver>* observers) {
  if (!MayName(tracked.binding.scope, "eval", source)) return;
  for (TSNode use : IdentifierUses("eval", tracked.binding.scope, source)) {
    TSNode call = node::Parent(use);
    if (!node::Is(call, "call_expression")) continue;
    observers->push_back(
        {tracked.prefix, Quote(node::Text(call, source)) + " at line " +
                             std::to_string(node::Line(call)) +
                             " can read and change " + Quote(tracked.name)});
    return;
  }
}

// `export const payload = {...}`: the declaration is the export, so no use
// of the name shows it; importers may read or change every field.
void ObserveExport(const TrackedBinding& tracked,
                   std::vector<PayloadObserver>* observers) {
  if (tracked.binding.kind != Binding::Kind::kVariable) return;
  TSNode declaration = node::Parent(tracked.binding.declarator);
  if (!node::Is(node::Parent(declaration), "export_statement")) return;
  observers->push_back(
      {tracked.prefix, Quote(tracked.name) + " is exported at line " +
                           std::to_string(node::Line(declaration)) +
                           "; other modules can read and change it"});
}

// `arguments` in the function whose parameter the payload is holds it too
// (`const args = arguments; ... args[0].amount`).
void ObserveArguments(const TrackedBinding& tracked, std::string_view source,
                      std::vector<PayloadObserver>* observers) {
  if (tracked.binding.kind != Binding::Kind::kParameter ||
      !MayName(tracked.binding.scope, "arguments", source)) {
    return;
  }
  for (TSNode use :
       IdentifierUses("arguments", tracked.binding.scope, source)) {
    observers->push_back(
        {tracked.prefix, StatementAround(use, source) + " at line " +
                             std::to_string(node::Line(use)) + " reaches " +
                             Quote(tracked.name) + " through `arguments`"});
    return;
  }
}

// `window.payload` (also `self.`, `globalThis.`, `window['payload']`) for
// a name of the top level: a var or function there is a property of the
// global object, which code of the same file may read it through.
void ObserveGlobalObject(const TrackedBinding& tracked, std::string_view source,
                         std::vector<PayloadObserver>* observers) {
  bool top = node::Is(tracked.binding.scope, "program") &&
             (tracked.binding.kind == Binding::Kind::kVariable ||
              tracked.binding.kind == Binding::Kind::kFunction);
  if (!top) return;
  TSNode root = tracked.binding.scope;
  const std::string& name = tracked.name;
  for (uint32_t at : WholeWordsOf(root, name, source, node::Range(root))) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + name.size()));
    if (!IsGlobalObjectProperty(n, source)) continue;
    observers->push_back(
        {tracked.prefix, StatementAround(n, source) + " at line " +
                             std::to_string(node::Line(n)) + " reaches " +
                             Quote(name) + " through the global object"});
    return;
  }
}

}  // namespace

// Whether `this` at `n` may be the global object: at a script's top level,
// or in a plain function that is not a class's or object literal's method
// (called as `show()` in a sloppy script, its `this` is `window`).
bool ThisMayBeTheGlobalObject(TSNode n) {
  for (TSNode p = node::Parent(n); !ts_node_is_null(p); p = node::Parent(p)) {
    std::string_view type = node::Type(p);
    if (type == "class_body" || type == "method_definition") return false;
    if (type == "function_declaration" || type == "function_expression" ||
        type == "function" || type == "generator_function_declaration") {
      TSNode holder = node::Parent(p);
      // `{ show: function () {...} }`, `X.prototype.show = function`: a
      // method, called on its object.
      return !node::Is(holder, "pair") &&
             !node::Is(holder, "assignment_expression");
    }
  }
  return true;
}

namespace {

// `frames` is the window itself (`window.frames === window`).
bool IsGlobalObjectName(std::string_view object) {
  // `global`: Node's, in tests and server-rendered code.
  return object == "window" || object == "self" || object == "globalThis" ||
         object == "global" || object == "top" || object == "parent" || object == "frames" ||
         object == "opener";  // a popup's reads of the page that opened it
}

// A member that is a window whatever it is taken from: the document's
// (`document.defaultView`), an iframe's (`frame.contentWindow`), and an
// event's (`event.view`). Any window of the page's may be the one.
bool IsWindowMember(std::string_view property, std::string_view object) {
  return property == "defaultView" || property == "contentWindow" ||
         (property == "view" &&
          (object == "event" || object == "window.event"));
}

// `const { payload: p } = window`, `({ payload } = self)`: `n` is the key
// a pattern reads from the global object.
bool IsGlobalObjectKey(TSNode n, std::string_view text) {
  TSNode pattern = node::Parent(n);
  if (node::Is(n, "property_identifier") && node::Is(pattern, "pair_pattern") &&
      ts_node_eq(node::Field(pattern, "key"), n)) {
    pattern = node::Parent(pattern);
  } else if (!node::Is(n, "shorthand_property_identifier_pattern")) {
    return false;
  }
  if (!node::Is(pattern, "object_pattern")) return false;
  TSNode holder = node::Parent(pattern);
  TSNode value =
      node::Is(holder, "variable_declarator")     ? node::Field(holder, "value")
      : node::Is(holder, "assignment_expression") ? node::Field(holder, "right")
                                                  : TSNode{};
  return IsGlobalObjectName(node::Text(node::Unwrap(value), text));
}

}  // namespace

bool MayBeTheGlobalObject(TSNode object, std::string_view text);

namespace {

// `Reflect.get(window, 'name')`, `Object.getOwnPropertyDescriptor(window,
// 'name')`, `_.get(window, 'name.amount')`: a string (`fragment`, at the
// name) handed to a call together with the global object, which the call
// may read the property of. Any such call counts: which of them read is
// not worth telling apart.
bool NamedBesideTheGlobalObject(TSNode fragment, std::string_view text) {
  TSNode string = node::Parent(fragment);
  TSNode arguments = node::Parent(string);
  if (!node::Is(string, "string") || !node::Is(arguments, "arguments"))
    return false;
  for (TSNode arg : node::NamedChildren(arguments)) {
    if (!ts_node_eq(arg, string) && MayBeTheGlobalObject(arg, text))
      return true;
  }
  return false;
}

}  // namespace

namespace {

// Whether the parameter `parameter` is of a function called in place with
// what may be the global object in its place: `(function (w) {...})(window)`,
// `(function (w) {...}(this))`, `!function (w) {...}(window)`, the ES5
// module pattern.
bool ParameterGivenTheGlobalObject(TSNode parameter, std::string_view text) {
  TSNode list = node::Parent(parameter);
  while (!ts_node_is_null(list) && !node::Is(list, "formal_parameters"))
    list = node::Parent(list);
  if (ts_node_is_null(list)) return false;
  int index = -1, at = 0;
  for (TSNode p : node::NamedChildren(list)) {
    if (node::Range(p).Contains(node::Range(parameter))) index = at;
    ++at;
  }
  TSNode callee = node::Parent(list);  // the function
  TSNode call = node::Parent(callee);
  while (node::Is(call, "parenthesized_expression")) {
    callee = call;
    call = node::Parent(call);
  }
  if (index < 0 || !node::Is(call, "call_expression") ||
      !ts_node_eq(node::Field(call, "function"), callee))
    return false;
  std::vector<TSNode> arguments =
      node::NamedChildren(node::Field(call, "arguments"));
  return static_cast<size_t>(index) < arguments.size() &&
         MayBeTheGlobalObject(arguments[static_cast<size_t>(index)], text);
}

}  // namespace

// Whether the expression `object` may be the global object: `window`,
// `self`, ..., `this` where it may be, or a variable given one of those
// (`var w = window; w.payload`).
bool MayBeTheGlobalObject(TSNode object, std::string_view text) {
  object = node::Unwrap(object);
  std::string_view name = node::Text(object, text);
  if (node::Is(object, "this")) return ThisMayBeTheGlobalObject(object);
  if (IsGlobalObjectName(name)) return true;
  // `window.window`, `self.top`, `window.frames`: the global object again.
  if (node::Is(object, "member_expression")) {
    std::string_view property =
        node::Text(node::Field(object, "property"), text);
    TSNode owner = node::Field(object, "object");
    if (IsWindowMember(property, node::Text(owner, text))) return true;
    return IsGlobalObjectName(property) && MayBeTheGlobalObject(owner, text);
  }
  if (!node::Is(object, "identifier")) return false;
  Binding b = ResolveName(name, object, text);
  if (b.kind == Binding::Kind::kParameter)
    return ParameterGivenTheGlobalObject(b.declarator, text);
  if (b.kind != Binding::Kind::kVariable) return false;
  std::vector<TSNode> values = b.assignments;
  values.push_back(node::Field(b.declarator, "value"));
  for (TSNode value : values) {
    if (node::Is(value, "assignment_expression"))
      value = node::Field(value, "right");
    value = node::Unwrap(value);
    if (ts_node_is_null(value) || ts_node_eq(value, object)) continue;
    if (node::Is(value, "this") ? ThisMayBeTheGlobalObject(value)
                                : IsGlobalObjectName(node::Text(value, text)))
      return true;
  }
  return false;
}

bool IsGlobalObjectProperty(TSNode n, std::string_view text) {
  if (IsGlobalObjectKey(n, text)) return true;
  TSNode access = node::Parent(n);
  if (node::Is(n, "string_fragment") && NamedBesideTheGlobalObject(n, text))
    return true;
  if (node::Is(n, "string_fragment")) {
    TSNode quoted = access;
    access = node::Parent(quoted);
    if (!node::Is(access, "subscript_expression") ||
        !ts_node_eq(node::Field(access, "index"), quoted))
      return false;
  } else if (!node::Is(n, "property_identifier") ||
             !node::Is(access, "member_expression") ||
             !ts_node_eq(node::Field(access, "property"), n)) {
    return false;
  }
  return MayBeTheGlobalObject(node::Field(access, "object"), text);
}

void ObserveUnnamedReach(const TrackedBinding& tracked, std::string_view source,
                         std::vector<PayloadObserver>* observers) {
  ObserveEval(tracked, source, observers);
  ObserveExport(tracked, observers);
  ObserveArguments(tracked, source, observers);
  ObserveGlobalObject(tracked, source, observers);
}

}  // namespace psm
