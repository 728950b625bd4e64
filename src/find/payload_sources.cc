// PayloadResolver (payload_resolver_class.h): where a payload comes from
// besides expressions, variables and calls — parameters and their callers,
// wrappers that take the type apart, class fields and base classes,
// piecewise builds — and the other callers of a builder.

#include "common/strings.h"
#include "find/declared_type.h"
#include "find/object_leaves.h"
#include "find/payload_resolver_class.h"
#include "find/tree_memo.h"
#include "find/wrapper_calls.h"

namespace psm::payload_detail {

bool PayloadResolver::ResolveField(TSNode use, int hops, CallSite* site) {
  FieldPayload field = PayloadOfField(use, source_);
  if (!field.is_field) return false;
  if (!field.blind.empty()) {
    Blind(site, field.blind);
    return true;
  }
  for (PayloadObserver& o : field.observers)
    site->observers.push_back(std::move(o));
  if (!ts_node_is_null(call_)) {  // else the project model looks (see header)
    if (std::string why = FieldLeavesFile(use, source_); !why.empty())
      site->observers.push_back({"", std::move(why)});
  }
  if (std::optional<uint32_t> at = ClassOfImportedBase(use, source_)) {
    site->field_bases.push_back(
        {*at, std::string(node::Text(node::Field(node::Unwrap(use),
                                                 "property"),
                                     source_))});
  }
  NearerType annotated(&declared_, std::move(field.declared));
  Resolve(field.value, field.origin, hops + 1, site);
  return true;
}

void PayloadResolver::CheckClassMembers(ObjectLiteral* object, CallSite* site) {
  for (Member& m : object->members) {
    if (m.kind != Member::Kind::kSpread) continue;
    TSNode spread = ts_node_descendant_for_byte_range(
        root_, m.value_range.begin, m.value_range.end);
    if (!node::Is(spread, "spread_element")) continue;
    TSNode call = node::Unwrap(ts_node_named_child(spread, 0));
    if (!node::Is(call, "call_expression")) continue;
    if (IsFollowedSuperCall(call)) {
      m.set_covered(options_.covered);
    } else if (std::string why = SuperCallReason(call, source_); !why.empty()) {
      Blind(site, why);
    }
  }
  const Member* type = object->Find("type");
  if (!type || options_.type_from_users) return;
  if (type->string_value) {
    // Only `type: this.x` traced to its constructor asks: a literal is
    // most payloads' type, and finding the node costs a descent.
    if (ts_node_is_null(call_) || !site->refused.empty() ||
        !type->value_range.In(source_).starts_with("this."))
      return;
    TSNode read = node::Unwrap(ts_node_descendant_for_byte_range(
        root_, type->value_range.begin, type->value_range.end));
    site->refused = FieldTypeOpenToOthers(read, call_, source_);
    return;
  }
  TSNode value = ts_node_descendant_for_byte_range(
      root_, type->value_range.begin, type->value_range.end);
  if (std::string why = UnprovenFieldType(value, source_); !why.empty())
    Blind(site, why);
}

void PayloadResolver::GiveTypeOfCall(TSNode call, TSNode function,
                                     CallSite* site) {
  // Every literal of the function, not only those this call added: a
  // literal reached before (by another call of the same builder, e.g. from
  // the other caller of a wrapper: `submit(build('payPal'))` and
  // `submit(build('creditCard'))`) is one payload, and this call's type
  // must agree with the one already given.
  ByteRange body = node::Range(function);
  for (size_t i = 0; i < site->payloads.size(); ++i) {
    if (!body.Contains(site->payloads[i].object.range)) continue;
    std::string name;
    int index = TypeParameterIndex(site->payloads[i].object, root_, function,
                                   source_, &name);
    if (index < 0) continue;
    GivenType given = TypeGivenBy(call, index, source_);
    if (!given.value) return;  // the planner says what the type is
    given.binds = name;
    if (site->given_type && (site->given_type->value != given.value ||
                             site->given_type->binds != given.binds)) {
      // Not a blind spot: a merge would replace it with its own reason,
      // and the planner would still name the first call's method.
      site->refused = "the payload's type is given by more than one call (" +
                      Quote(site->given_type->what) + ", " + Quote(given.what) +
                      "); migrate it by hand";
      return;
    }
    site->given_type = std::move(given);
    return;
  }
}

bool PayloadResolver::ResolveForwarding(TSNode object, int hops,
                                        CallSite* site) {
  TSNode type_value{};
  TSNode data{};
  int members = 0;
  for (TSNode m : node::NamedChildren(object)) {
    if (node::IsComment(m)) continue;
    ++members;
    if (node::Is(m, "shorthand_property_identifier") &&
        node::Text(m, source_) == "type") {
      type_value = m;
    } else if (node::Is(m, "pair") &&
               node::Text(node::Field(m, "key"), source_) == "type" &&
               node::Is(node::Unwrap(node::Field(m, "value")), "identifier")) {
      type_value = node::Unwrap(node::Field(m, "value"));
    } else if (node::Is(m, "spread_element") &&
               node::Is(node::Unwrap(ts_node_named_child(m, 0)),
                        "identifier")) {
      data = node::Unwrap(ts_node_named_child(m, 0));
    }
  }
  if (members != 2 || ts_node_is_null(type_value) || ts_node_is_null(data))
    return false;
  std::string_view name = node::Text(data, source_);
  Binding type_binding =
      ResolveName(node::Text(type_value, source_), type_value, source_);
  Binding data_binding = ResolveName(name, data, source_);
  if (type_binding.kind != Binding::Kind::kParameter ||
      data_binding.kind != Binding::Kind::kParameter ||
      !ts_node_eq(type_binding.scope, data_binding.scope)) {
    return false;
  }
  int type_index =
      ParameterIndex(type_binding.scope, type_binding.declarator, source_);
  if (type_index < 0) return false;
  flow_.insert(ts_node_start_byte(data));
  ResolveParameter(data_binding, name, hops, site, type_index);
  return true;
}

void PayloadResolver::ResolveParameter(const Binding& binding,
                                       std::string_view name, int hops,
                                       CallSite* site, int type_index) {
  // What the callers pass must fit the parameter's type.
  NearerType annotated(&declared_,
                       AnnotatedType(binding.declarator, "type", source_));
  TSNode function = binding.scope;
  int index = ParameterIndex(function, binding.declarator, source_);
  std::string function_name = FunctionName(function, source_);
  std::string where =
      "the payload " + Quote(name) + " is a parameter of " +
      (function_name.empty() ? "an anonymous function" : Quote(function_name)) +
      AtLine(function);
  if (TSNode promise = ThenReceiver(function, index, source_);
      !ts_node_is_null(promise) && type_index < 0) {
    // `build().then(p => dr.createSource(p))`: p is what build settles
    // with.
    Track(binding, name, "");
    Resolve(promise, "settled value of " + Quote(node::Text(promise, source_)),
            hops + 1, site);
    return;
  }
  if (function_name.empty() || index < 0) {
    Blind(site, where + "; its callers build the object");
    return;
  }
  ObserveDecorators(function, site, "the arguments it is called with");
  if (std::string typed = TypesFromElsewhere(function, function_name);
      !typed.empty())
    site->observers.push_back({"", std::move(typed)});
  Track(binding, name, "");
  // `Object.assign(payload, {type: method})` in the wrapper: what it merges
  // into the callers' objects is not followed from here. As a write of
  // fields the tool cannot name (the payment type among them), it leaves
  // their payloads for review.
  for (TSNode merge : MergesInto(binding, name)) {
    PayloadMutation unknown;
    unknown.what = Quote(node::Text(merge, source_));
    unknown.statement = node::Range(merge);
    site->mutations.push_back(std::move(unknown));
  }
  int calls = 0;
  std::vector<GivenType> given_types;
  for (TSNode n :
       CallsNaming(root_, function_name, source_, WrapperCallScope(function))) {
    if (!CallsWrapper(n, function, source_)) continue;
    std::vector<TSNode> args = node::Arguments(n);
    if (static_cast<size_t>(index) >= args.size()) continue;
    ++calls;
    if (type_index >= 0) {
      GivenType given = TypeGivenBy(n, type_index, source_);
      given_types.push_back(std::move(given));
    }
    Resolve(args[index], "passed to " + Quote(function_name) + AtLine(n),
            hops + 1, site);
  }
  if (calls > 0 && type_index >= 0) GiveType(given_types, function_name, site);
  if (calls == 0) {
    Blind(site, where +
                    ", which is not called in this file; its callers build "
                    "the object");
    // Callers in other modules: the project model may find them.
    ModuleRequest request;
    request.ref = {"", function_name};
    request.member = function_name;
    request.access = ModuleRequest::Access::kWrapperArgument;
    request.param_index = index;
    request.type_index = type_index;
    request.at = ts_node_start_byte(function);
    request.what = "parameter " + Quote(name) + " of " + Quote(function_name) +
                   AtLine(function);
    site->requests.push_back(std::move(request));
    ObserveParameterType(binding, name, function_name, site);
  }
}

// The callers in other files pass objects that must fit the parameter's
// type, which their files do not show (`send(p: PayPalPayload)` with
// `amount` required): an edit there may break the build. Nothing changes
// for a payload that needs no edit.
void PayloadResolver::ObserveParameterType(const Binding& binding,
                                           std::string_view name,
                                           const std::string& function_name,
                                           CallSite* site) {
  std::string type =
      TypeWithFieldsShown(AnnotatedType(binding.declarator, "type", source_));
  if (type.empty()) return;
  site->observers.push_back(
      {"",
       "its parameter " + Quote(name) + " of " + Quote(function_name) +
           " is declared as " + type +
           ": the callers' edited objects may no longer fit it (their files "
           "may not compile)",
       /*adds_nothing=*/true});
}

void PayloadResolver::GiveType(const std::vector<GivenType>& given,
                               const std::string& function_name,
                               CallSite* site) {
  if (std::optional<GivenType> agreed = AgreedType(given)) {
    site->given_type = std::move(agreed);
    return;
  }
  std::set<std::string> passed;
  for (const GivenType& g : given) passed.insert(Quote(g.what));
  std::string list = Join({passed.begin(), passed.end()}, ", ");
  Blind(site, "the payload's type is given apart by the callers of " +
                  Quote(function_name) + " (" + list +
                  "), not one string literal; migrate each call by hand");
}

void PayloadResolver::Blind(CallSite* site, std::string reason) {
  AddBlindSpot(site, std::move(reason));
}

bool PayloadResolver::IsFollowedSuperCall(TSNode n) const {
  return !options_.super_member.empty() &&
         IsSuperCall(n, options_.super_member, source_);
}

void PayloadResolver::ResolvePiecewise(const Binding& binding,
                                       std::string_view name, TSNode init,
                                       CallSite* site) {
  site->payloads.push_back(
      {PiecewiseObject(binding, name, init, options_.covered, source_),
       "built on " + Quote(node::Text(init, source_)) + AtLine(init), group_});
  site->payloads.back().object.declared = declared_;
}

namespace {

// Every `x.method` of the file, in the order of a walk; the same for every
// `this.method()` site of the file, so found once (from the name's
// occurrences, not by a walk: many such sites made a file quadratic).
std::vector<TSNode> MemberAccessesNamed(TSNode root, std::string_view method,
                                        std::string_view source) {
  thread_local TreeMemo<std::vector<TSNode>> memo;
  return memo.Get(root, std::string(method), [&] {
    std::vector<TSNode> found;
    for (TSNode n : NodesAtWords(root, {{method, {}}}, source)) {
      if (node::Is(n, "member_expression") &&
          node::Text(node::Field(n, "property"), source) == method) {
        found.push_back(n);
      }
    }
    return found;
  });
}

// The name other modules import the function `b` (`name`) under when its
// declaration is its export: `export function build`, `export const build
// = ...` ("build"), `export default function build` ("default"); "" when
// it is not exported there (an `export { build }` elsewhere is a use of
// the name, seen as one).
std::string ExportedAs(const Binding& b, std::string_view name) {
  TSNode declaration = b.declarator;
  if (b.kind == Binding::Kind::kVariable)
    declaration = node::Parent(b.declarator);
  else if (b.kind != Binding::Kind::kFunction)
    return "";
  TSNode statement = node::Parent(declaration);
  if (!node::Is(statement, "export_statement")) return "";
  for (TSNode c : node::Children(statement))
    if (node::Is(c, "default")) return "default";
  return std::string(name);
}

}  // namespace

void PayloadResolver::ObserveDecorators(TSNode function, CallSite* site,
                                        std::string_view sees) {
  if (!node::Is(function, "method_definition")) return;
  TSNode method = function;
  // TypeScript puts a method's decorators before it in the class body;
  // JavaScript's grammar, inside it.
  TSNode decorator{};
  for (TSNode c : node::NamedChildren(method))
    if (node::Is(c, "decorator")) decorator = c;
  for (TSNode before = ts_node_prev_named_sibling(method);
       ts_node_is_null(decorator) && node::Is(before, "decorator");
       before = ts_node_prev_named_sibling(before))
    decorator = before;
  if (ts_node_is_null(decorator)) return;
  site->observers.push_back(
      {"", Quote(node::Text(decorator, source_)) + " decorates " +
               Quote(node::Text(node::Field(method, "name"), source_)) +
               AtLine(decorator) + ": it may wrap the method and see " +
               std::string(sees)});
}

std::string PayloadResolver::TypesFromElsewhere(
    TSNode function, const std::string& function_name) const {
  // `function send(p: Legacy): void;` before the implementation.
  if (node::Is(function, "function_declaration") && !function_name.empty()) {
    for (TSNode before = ts_node_prev_named_sibling(function);
         node::Is(before, "function_signature");
         before = ts_node_prev_named_sibling(before)) {
      if (node::Text(node::Field(before, "name"), source_) == function_name)
        return "the overloads of " + Quote(function_name) + AtLine(before) +
               " declare the types of its parameters, which the edited "
               "object may no longer fit (the file may not compile)";
    }
  }
  // `const send: Sender = (p) => ...`: the variable's type types `p`.
  TSNode up = node::Parent(function);
  if (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
  if (node::Is(up, "variable_declarator") &&
      !ts_node_is_null(node::Field(up, "type")) &&
      ts_node_eq(node::Unwrap(node::Field(up, "value")), function)) {
    std::string_view type = node::Text(node::Field(up, "type"), source_);
    type.remove_prefix(std::min(type.find_first_not_of(": \t"), type.size()));
    return Quote(node::Text(node::Field(up, "name"), source_)) +
           " is declared as " + Quote(type) + AtLine(up) +
           ", which types the parameters of its function: the edited object "
           "may no longer fit (the file may not compile)";
  }
  return "";
}

void PayloadResolver::ObserveOtherCallers(TSNode callee, CallSite* site) {
  callee = node::Unwrap(callee);
  std::vector<TSNode> references;
  if (node::Is(callee, "identifier")) {
    std::string_view name = node::Text(callee, source_);
    Binding b = ResolveName(name, callee, source_);
    if (std::string exported = ExportedAs(b, name); !exported.empty())
      site->exported_builders.push_back(std::move(exported));
    for (TSNode use : UsesOf(b, name, source_)) {
      // A TypeScript overload signature (`function build(t: number):
      // object;`) declares the builder again; it calls nothing.
      if (!ts_node_eq(node::Field(b.declarator, "name"), use) &&
          !node::Is(node::Parent(use), "function_signature"))
        references.push_back(use);
    }
  } else {  // `this.build()`: any `.build` in the file may be another call
    TSNode body = node::EnclosingOfType(callee, "class_body");
    TSNode self = node::Field(callee, "object");
    if (TSNode alias = ThisAt(node::Unwrap(self), source_);
        !ts_node_is_null(alias))
      self = alias;  // `var self = this; self.getPayload()`
    // A class or object literal that leaves the module: other modules may
    // call the method too (a subclass, `Component.extend({...})`'s users).
    bool leaves = node::Is(self, "this") &&
                  (ts_node_is_null(body)
                       ? ObjectLeavesFile(ObjectOfThis(self), source_)
                       : !ts_node_is_null(ClassLeavesFile(body, source_)));
    if (leaves)
      site->exported_methods.emplace_back(
          node::Text(node::Field(callee, "property"), source_));
    references = MemberAccessesNamed(
        root_, node::Text(node::Field(callee, "property"), source_), source_);
    if (std::string named = NamedOtherwise(callee); !named.empty()) {
      site->observers.push_back({"", std::move(named)});
      return;
    }
  }
  for (TSNode reference : references) {
    if (ts_node_eq(reference, callee)) continue;
    TSNode other = node::Parent(reference);
    if (node::Is(other, "call_expression") &&
        ts_node_eq(node::Field(other, "function"), reference) &&
        IsPassedToCreateSource(other, source_)) {
      continue;  // another site: the plans of the two are compared
    }
    site->observers.push_back(
        {"", Quote(node::Text(callee, source_)) + ", which builds it, is " +
                 "also used at line " + std::to_string(node::Line(reference)) +
                 " (" + StatementAround(reference, source_) + ")"});
    return;
  }
}

}  // namespace psm::payload_detail
