#include "find/receiver.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "common/strings.h"
#include "find/member_chain.h"
#include "find/module_request.h"
#include "find/object_builder.h"
#include "find/own_create_source.h"
#include "find/receiver_origin.h"
#include "find/receiver_values.h"
#include "find/scope.h"
#include "find/site_finder.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Payment SDKs other than DigitalRiver.js whose objects have a
// createSource of their own (Stripe.js, Omise.js), or that merchants keep
// next to it.
struct OtherSdk {
  std::string_view name;  // lower case
  bool anywhere;          // else only where a word starts
};
constexpr OtherSdk kOtherSdks[] = {
    {"stripe", true},
    {"braintree", true},
    {"adyen", true},
    // Omise.createSource(type, options, callback); "promise" holds it too.
    {"omise", false},
};

// `window.Omise`, `omise_card`, `getOmise`: a word starts at `at`.
bool StartsWord(std::string_view text, size_t at) {
  if (at == 0) return true;
  auto before = static_cast<unsigned char>(text[at - 1]);
  auto first = static_cast<unsigned char>(text[at]);
  return std::isalnum(before) == 0 ||  // `.`, `_`, `$`
         (std::islower(before) != 0 && std::isupper(first) != 0);
}

}  // namespace

bool NamesOtherLibrary(std::string_view text) {
  std::string lower = Lowered(text);
  for (const OtherSdk& sdk : kOtherSdks) {
    for (size_t at = lower.find(sdk.name); at != std::string::npos;
         at = lower.find(sdk.name, at + 1)) {
      if (sdk.anywhere || StartsWord(text, at)) return true;
    }
  }
  return false;
}

namespace {

bool IsCreateSourceKey(TSNode key, std::string_view source) {
  std::string value;
  return node::Text(key, source) == kCreateSource ||
         (node::StringLiteralValue(key, source, &value) &&
          value == kCreateSource);
}

// True when the class body or object literal `body` has a createSource
// member of its own: a method, a field or a property.
bool DefinesCreateSource(TSNode body, std::string_view source) {
  for (TSNode member : node::NamedChildren(body)) {
    TSNode key = node::Is(member, "shorthand_property_identifier")
                     ? member
                     : node::Field(member, "name");  // methods, TS fields
    if (ts_node_is_null(key)) key = node::Field(member, "property");  // JS
    if (ts_node_is_null(key)) key = node::Field(member, "key");       // pairs
    if (!ts_node_is_null(key) && IsCreateSourceKey(key, source)) return true;
  }
  return false;
}

bool IsClass(TSNode n) {
  return node::Is(n, "class_declaration") || node::Is(n, "class") ||
         node::Is(n, "abstract_class_declaration");
}

// The class this file defines under `name` (`class Api {}` or
// `const Api = class {}`), or null.
TSNode LocalClass(std::string_view name, TSNode root, std::string_view source) {
  for (size_t at = source.find(name);
       !name.empty() && at != std::string_view::npos;
       at = source.find(name, at + name.size())) {
    if (!IsWholeIdentifierAt(source, at, name.size())) continue;
    std::vector<TSNode> path =
        node::PathTo(root, static_cast<uint32_t>(at),
                     static_cast<uint32_t>(at + name.size()));
    if (path.size() < 2) continue;
    TSNode parent = path[path.size() - 2];
    if (!ts_node_eq(node::Field(parent, "name"), path.back())) continue;
    if (IsClass(parent)) return parent;
    TSNode value = node::Unwrap(node::Field(parent, "value"));
    if (node::Is(parent, "variable_declarator") && IsClass(value)) return value;
  }
  return TSNode{};
}

// A class named by `name` (a constructor or a declared type) that is not
// DigitalRiver.js: this file's class with its own createSource, a name of
// another SDK (`StripeService`), or an import from another SDK's package
// (`import { StripeService as S } from 'ngx-stripe'`).
bool NamesOtherClass(TSNode name, std::string_view source) {
  std::string_view text = node::Text(name, source);
  if (NamesOtherLibrary(text)) return true;
  TSNode root = ts_tree_root_node(name.tree);
  TSNode klass = LocalClass(text, root, source);
  if (!ts_node_is_null(klass))
    return DefinesCreateSource(node::Field(klass, "body"), source);
  // A constructor function: `ShopApi.prototype.createSource = ...`.
  if (AssignsOwnCreateSource(text, true, root, source)) return true;
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(text, name, source), text, source);
  return ref && NamesOtherLibrary(ref->specifier);
}

// Whether `base`, the name a chain of members starts from, holds what
// another SDK's factory or class makes: `const client = Stripe(key)`,
// `new Client()` of `import Client from 'stripe'`. Not an object or class
// of this file with its own createSource, which may hold anything.
bool MadeByOtherSdk(TSNode base, std::string_view source) {
  if (!node::Is(base, "identifier")) return false;
  Binding binding = ResolveName(node::Text(base, source), base, source);
  if (binding.kind != Binding::Kind::kVariable || !binding.assignments.empty())
    return false;
  TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  bool is_new = node::Is(value, "new_expression");
  if (!is_new && !node::Is(value, "call_expression")) return false;
  TSNode callee = node::Field(value, is_new ? "constructor" : "function");
  std::string_view name = node::Text(callee, source);
  if (NamesOtherLibrary(name)) return true;
  if (!node::Is(callee, "identifier")) return false;
  std::optional<ModuleRef> ref =
      ImportedAs(ResolveName(name, callee, source), name, source);
  return ref && NamesOtherLibrary(ref->specifier);
}

// Classifies the expression a receiver variable was initialised with.
Receiver ClassifyMaker(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression")) {
    value = node::Unwrap(ts_node_named_child(value, 0));
  }
  // The DigitalRiver.js instance is never written as an object literal:
  // `{ createSource: jest.fn() }` is a stand-in. An empty `{}` may still be
  // given the instance's method later (`o.createSource = dr.createSource`).
  if (node::Is(value, "object")) {
    return DefinesCreateSource(value, source) ? Receiver::kOtherLibrary
                                              : Receiver::kUnknown;
  }
  // `const gateway = window.Omise` or `= Omise`: an alias of another SDK's
  // global, by the name it ends with (not `shopStripe.dr`).
  if (node::Is(value, "identifier") || node::Is(value, "member_expression")) {
    TSNode last = node::Is(value, "member_expression")
                      ? node::Field(value, "property")
                      : value;
    return NamesOtherLibrary(node::Text(last, source)) ? Receiver::kOtherLibrary
                                                       : Receiver::kUnknown;
  }
  bool is_new = node::Is(value, "new_expression");
  if (!is_new && !node::Is(value, "call_expression")) return Receiver::kUnknown;
  TSNode callee = node::Field(value, is_new ? "constructor" : "function");
  std::string_view name = node::Text(callee, source);
  if (name.ends_with("DigitalRiver")) return Receiver::kDigitalRiver;
  // `loadStripe(key)`, `Stripe(key)`, `window.Stripe(key)`, `new Stripe()`.
  if (NamesOtherLibrary(name)) return Receiver::kOtherLibrary;
  if (is_new && node::Is(callee, "identifier") &&
      NamesOtherClass(callee, source)) {
    return Receiver::kOtherLibrary;
  }
  return Receiver::kUnknown;
}

// A name bound by an import or `require`: what it holds is unseen here.
bool IsImportedName(TSNode value, std::string_view source) {
  if (!node::Is(value, "identifier")) return false;
  std::string_view name = node::Text(value, source);
  return ImportedAs(ResolveName(name, value, source), name, source).has_value();
}

bool IsNothing(TSNode value) {
  return ts_node_is_null(value) || node::Is(value, "null") ||
         node::Is(value, "undefined");
}

// A receiver that holds one of `values` (see ReceiverValues): another
// library's only when every value says so (`let dr = null; ... dr = {
// createSource: jest.fn() }`); kEither when one value is another library's
// (or an object or class of this file with its own createSource) and
// another may not be, or one is DigitalRiver.js and another an instance of
// some class: the call may reach either.
Receiver ClassifyTheseValues(const std::vector<TSNode>& values,
                             std::string_view source) {
  bool other = false, digital_river = false, instance = false, unknown = false;
  bool unseen = false;  // an imported object: maybe DigitalRiver.js
  for (TSNode value : values) {
    value = node::Unwrap(value);
    if (IsNothing(value)) continue;
    if (IsImportedName(value, source)) {
      unseen = true;
      continue;
    }
    switch (ClassifyMaker(value, source)) {
      case Receiver::kOtherLibrary:
        other = true;
        break;
      case Receiver::kDigitalRiver:
        digital_river = true;
        break;
      default:
        (node::Is(value, "new_expression") ? instance : unknown) = true;
    }
  }
  if (other)
    return digital_river || instance || unknown || unseen
               ? Receiver::kEither
               : Receiver::kOtherLibrary;
  if (digital_river || unseen)
    return instance
               ? Receiver::kEither
               : (digital_river ? Receiver::kDigitalRiver : Receiver::kUnknown);
  return Receiver::kUnknown;
}

// `this.x` in a class: the value of a field `x = ...` or `this.x = ...`,
// or the declared type of an injected parameter property. An injected
// instance of unknown provenance stays unknown.
Receiver ClassifyThisField(TSNode member, std::string_view source) {
  std::vector<TSNode> values = ReceiverValues(member, source);
  if (!values.empty()) return ClassifyTheseValues(values, source);
  FieldOrigin origin = OriginOfThisField(member, source);  // a getter
  if (!ts_node_is_null(origin.value))
    return ClassifyMaker(origin.value, source);
  if (!ts_node_is_null(origin.type) && NamesOtherClass(origin.type, source))
    return Receiver::kOtherLibrary;
  return Receiver::kUnknown;
}

// What `this` stands for at `self`: the class body or object literal of
// the nearest method (`m() {}` or `m: function () {}`), or the class whose
// field initialiser holds it.
TSNode OwnerOfThis(TSNode self) {
  std::vector<TSNode> up = node::Ancestors(self);
  auto at = [&](size_t i) { return i < up.size() ? up[i] : TSNode{}; };
  for (size_t i = 0; i < up.size(); ++i) {
    if (node::Is(up[i], "class_body")) return up[i];
    if (node::Is(up[i], "method_definition")) return at(i + 1);
    bool function =
        node::Is(up[i], "function_expression") || node::Is(up[i], "function");
    if (function && node::Is(at(i + 1), "pair") &&
        node::Is(at(i + 2), "object")) {
      return at(i + 2);
    }
  }
  return TSNode{};
}

// `this.createSource(...)` in a class or object literal that defines its
// own createSource.
Receiver ClassifyThis(TSNode self, std::string_view source) {
  TSNode owner = OwnerOfThis(self);
  return !ts_node_is_null(owner) && DefinesCreateSource(owner, source)
             ? Receiver::kOtherLibrary
             : Receiver::kUnknown;
}

// The names along a callee, without the arguments of the calls in it:
// `braintree.client.create({...}).then` -> "braintree.client.create.then"
// (an argument naming another SDK says nothing of the callee).
std::string CalleeNames(TSNode callee, std::string_view source) {
  callee = node::Unwrap(callee);
  if (node::Is(callee, "call_expression") || node::Is(callee, "new_expression"))
    return CalleeNames(node::Field(callee, node::Is(callee, "call_expression")
                                               ? "function"
                                               : "constructor"),
                       source);
  if (node::Is(callee, "member_expression")) {
    return CalleeNames(node::Field(callee, "object"), source) + "." +
           std::string(node::Text(node::Field(callee, "property"), source));
  }
  if (node::Is(callee, "await_expression"))
    return CalleeNames(ts_node_named_child(callee, 0), source);
  return std::string(node::Text(callee, source));
}

// A parameter of a callback another SDK calls with its object:
// `braintree.client.create(options, function (err, client) {...})`,
// `braintree.client.create(options).then(function (client) {...})`.
Receiver ClassifyParameter(const Binding& binding, std::string_view source) {
  TSNode args = node::Parent(binding.scope);
  TSNode call = node::Parent(args);
  if (!node::Is(args, "arguments") || !node::Is(call, "call_expression"))
    return Receiver::kUnknown;
  // Only the SDK's own global or maker at the root of the chain counts:
  // `withStripeAndDr(function (stripe, dr) {...})` may hand either.
  std::string names = CalleeNames(node::Field(call, "function"), source);
  std::string root =
      Lowered(std::string_view(names).substr(0, names.find('.')));
  static constexpr std::string_view kSdkRoots[] = {
      "braintree", "stripe", "loadstripe", "adyencheckout", "omise"};
  for (std::string_view sdk : kSdkRoots) {
    if (root == sdk) return Receiver::kOtherLibrary;
  }
  return Receiver::kUnknown;
}

// What the receiver's own writing shows: how it was made, if the file says.
Receiver ClassifyByOrigin(TSNode receiver, std::string_view source) {
  if (node::Is(receiver, "this")) return ClassifyThis(receiver, source);
  if (node::Is(receiver, "identifier")) {
    Binding binding =
        ResolveName(node::Text(receiver, source), receiver, source);
    if (binding.kind == Binding::Kind::kParameter)
      return ClassifyParameter(binding, source);
    // A variable, or a name destructured from a chain (`const { api } =
    // this`): both read below.
    if (binding.kind != Binding::Kind::kVariable &&
        binding.kind != Binding::Kind::kOther)
      return Receiver::kUnknown;
  }
  if (node::Is(receiver, "member_expression") &&
      node::Is(node::Field(receiver, "object"), "this")) {
    return ClassifyThisField(receiver, source);
  }
  // An object the file gives a createSource function of its own
  // (`DRGC.createSource = function (payload) {...}`), unless DigitalRiver
  // made it and the file keeps its original: `dr.createSource = function
  // (p) {...; return orig.call(this, p); }` wraps DigitalRiver.js, and the
  // payload still reaches it (the wrapper is judged with the site,
  // find/patched_create_source.h).
  if ((node::Is(receiver, "identifier") || IsMemberRead(receiver)) &&
      AssignsOwnCreateSource(node::Text(receiver, source), false,
                             ts_tree_root_node(receiver.tree), source)) {
    TSNode root = ts_tree_root_node(receiver.tree);
    if (KeepsOriginalCreateSource(node::Text(receiver, source), root,
                                  source) &&
        ClassifyTheseValues(ReceiverValues(receiver, source), source) ==
            Receiver::kDigitalRiver)
      return Receiver::kDigitalRiver;
    return Receiver::kOtherLibrary;
  }
  // A variable, or a chain of members (`deps.api`) or a name bound to one.
  if (node::Is(receiver, "identifier") || IsMemberRead(receiver))
    return ClassifyTheseValues(ReceiverValues(receiver, source), source);
  if (node::Is(receiver, "call_expression") &&
      CallMakesOwnCreateSource(receiver, source))
    return Receiver::kOtherLibrary;  // `$('#pay').createSource(...)`
  if (node::Is(receiver, "call_expression") ||
      node::Is(receiver, "new_expression") || node::Is(receiver, "object")) {
    return ClassifyMaker(receiver, source);
  }
  return Receiver::kUnknown;
}

}  // namespace

Receiver ClassifyReceiver(TSNode receiver, std::string_view source) {
  receiver = node::Unwrap(receiver);
  Receiver verdict = ClassifyByOrigin(receiver, source);
  // A receiver of unknown origin named after another SDK: a global
  // (`Omise`, `window.Omise`), a parameter or prop (`this.props.stripe`),
  // or a name bound to one of these (`const gateway = window.Omise`), by
  // the name its chain ends with.
  if (verdict != Receiver::kUnknown ||
      !(node::Is(receiver, "identifier") ||
        node::Is(receiver, "member_expression")))
    return verdict;
  if (NamesOtherLibrary(node::Text(receiver, source)))
    return Receiver::kOtherLibrary;
  std::optional<MemberChain> chain = ChainOf(receiver, source);
  if (!chain) return verdict;
  // `client.customers.createSource(...)`: a member of another SDK's client.
  if (!chain->path.empty() && MadeByOtherSdk(chain->base, source))
    return Receiver::kOtherLibrary;
  std::string_view last = chain->path.empty()
                              ? node::Text(chain->base, source)
                              : std::string_view(chain->path.back());
  return NamesOtherLibrary(last) ? Receiver::kOtherLibrary : verdict;
}

// `createSource` as the name a member is defined by: `createSource() {}`,
// `createSource: ...`, `{ createSource }`, a class field.
bool IsDefinitionName(TSNode name, TSNode parent) {
  if (node::Is(name, "shorthand_property_identifier")) return true;
  // `DRGC.createSource = function (payload) {...}`
  TSNode assignment = node::Parent(parent);
  if (node::Is(parent, "member_expression") &&
      ts_node_eq(node::Field(parent, "property"), name) &&
      node::Is(assignment, "assignment_expression") &&
      ts_node_eq(node::Field(assignment, "left"), parent) &&
      node::IsFunction(node::Unwrap(node::Field(assignment, "right"))))
    return true;
  for (std::string_view field : {"name", "key", "property"}) {
    if (!ts_node_eq(node::Field(parent, field), name)) continue;
    return node::Is(parent, "method_definition") || node::Is(parent, "pair") ||
           node::Is(parent, "field_definition") ||
           node::Is(parent, "public_field_definition");
  }
  return false;
}

// `createSource` as a function of the file itself: its declaration
// (`function createSource(data) {...}`), or a reference or call of it
// (`module.exports = { createSource: createSource }`). What it does is
// judged by the createSource calls in its body.
bool NamesOwnFunction(TSNode name, std::string_view source) {
  if (!node::Is(name, "identifier")) return false;
  Binding b = ResolveName(kCreateSource, name, source);
  if (b.kind == Binding::Kind::kFunction) return true;
  return b.kind == Binding::Kind::kVariable && b.assignments.empty() &&
         node::IsFunction(node::Unwrap(node::Field(b.declarator, "value")));
}

bool OnlyOtherCreateSources(TSNode root, std::string_view source, bool* calls) {
  const size_t n = kCreateSource.size();
  for (size_t at = source.find(kCreateSource); at != std::string_view::npos;
       at = source.find(kCreateSource, at + n)) {
    if (!IsWholeIdentifierAt(source, at, n)) continue;  // `createSourceUrl`
    ByteRange range{static_cast<uint32_t>(at), static_cast<uint32_t>(at + n)};
    TSNode name =
        ts_node_descendant_for_byte_range(root, range.begin, range.end);
    if (node::IsComment(name)) continue;
    if (!(node::Range(name) == range)) return false;  // in a string, ...
    TSNode parent = node::Parent(name);
    if (IsDefinitionName(name, parent) || NamesOwnFunction(name, source))
      continue;
    // An object given a createSource of the file's own counts as another
    // library's here even when it wraps DigitalRiver.js's (`var real =
    // Tracked.createSource.bind(Tracked)`): that wrapper's callers are
    // judged with it, and it hands on no other client's payload.
    TSNode object = node::Field(parent, "object");
    bool member = node::Is(parent, "member_expression") &&
                  ts_node_eq(node::Field(parent, "property"), name);
    bool called_on_other =
        member && (ClassifyReceiver(object, source) == Receiver::kOtherLibrary ||
                   AssignsOwnCreateSource(node::Text(object, source), false,
                                          root, source));
    if (!called_on_other) return false;
    if (calls) *calls = true;
  }
  return true;
}

Receiver ClassifyValues(const std::vector<TSNode>& values,
                        std::string_view source) {
  return ClassifyTheseValues(values, source);
}

std::string EitherValuesReason(std::string_view what,
                               const std::vector<TSNode>& held,
                               std::string_view source) {
  std::vector<TSNode> values;
  for (TSNode value : held) {
    if (!IsNothing(node::Unwrap(value))) values.push_back(node::Unwrap(value));
  }
  // The value that is not DigitalRiver.js: another library's object, else
  // an instance of a class next to DigitalRiver(...) itself.
  auto foreign = std::find_if(values.begin(), values.end(), [&](TSNode v) {
    return ClassifyMaker(v, source) == Receiver::kOtherLibrary;
  });
  if (foreign == values.end()) {
    foreign = std::find_if(values.begin(), values.end(), [&](TSNode v) {
      return node::Is(v, "new_expression") &&
             ClassifyMaker(v, source) != Receiver::kDigitalRiver;
    });
  }
  auto other = std::find_if(values.begin(), values.end(), [&](TSNode v) {
    return foreign != values.end() && !ts_node_eq(v, *foreign) &&
           (IsImportedName(v, source) ||
            ClassifyMaker(v, source) != ClassifyMaker(*foreign, source));
  });
  if (foreign == values.end() || other == values.end()) return {};
  auto shown = [&](TSNode value) {
    if (IsImportedName(value, source))
      return "what its module gives it (" + Quote(node::Text(value, source)) +
             " is imported)";
    return Quote(node::Text(value, source)) + " (line " +
           std::to_string(node::Line(value)) + ")";
  };
  return Quote(what) + " may hold " + shown(*foreign) + " instead of " +
         shown(*other) + ", and that object may not be DigitalRiver.js";
}

std::string EitherReceiverReason(TSNode receiver, std::string_view source) {
  receiver = node::Unwrap(receiver);
  return EitherValuesReason(node::Text(receiver, source),
                            ReceiverValues(receiver, source), source);
}

}  // namespace psm
