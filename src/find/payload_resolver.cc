#include "find/payload_resolver.h"

#include <algorithm>
#include <map>
#include <string>

#include "find/class_fields.h"
#include "find/imported_payloads.h"
#include "find/mergers.h"
#include "find/object_builder.h"
#include "find/payload_uses.h"
#include "find/scope.h"
#include "find/server_response.h"
#include "find/super_payloads.h"
#include "find/wrapper_calls.h"
#include "syntax/node.h"

namespace psm {
namespace {

std::string AtLine(TSNode n) {
  return " (line " + std::to_string(node::Line(n)) + ")";
}

class PayloadResolver {
 public:
  PayloadResolver(std::string_view source, TSNode root, TSNode call,
                  BuiltPayloadOptions options = {})
      : source_(source),
        root_(root),
        call_(call),
        moment_(call),
        options_(std::move(options)) {}

  // Everything besides the call that can see or change the objects the
  // payload was traced through, once the tracing is done.
  void CollectUses(CallSite* site) {
    for (const PayloadLiteral& literal : site->payloads) {
      TrackNested(literal.object, "");
    }
    for (const TrackedBinding& tracked : tracked_) {
      CollectPayloadUses(tracked, flow_, source_, &site->mutations,
                         &site->observers);
      if (node::Is(tracked.binding.scope, "program")) {
        site->module_names.push_back(tracked.name);
      }
    }
    DropPiecewiseWrites(site);
  }

  // Follows a payload expression to the object literals that make it.
  // `hops` bounds the steps through variables, functions and wrappers.
  void Resolve(TSNode expr, const std::string& origin, int hops,
               CallSite* site) {
    TSNode value = node::Unwrap(expr);
    if (ts_node_is_null(value)) return;
    if (hops > kMaxHops) {
      Blind(site, "the payload flows through too many steps (" +
                      Quote(node::Text(expr, source_)) + AtLine(expr) +
                      "); check where it is built");
      return;
    }
    std::string_view type = node::Type(value);
    if (type == "object" && ResolveForwarding(value, hops, site)) return;
    if (type == "object") {
      ByteRange range = node::Range(value);
      for (const PayloadLiteral& known : site->payloads) {
        // The same literal reached on two paths is one payload.
        if (known.object.range == range && known.group == group_) return;
      }
      site->payloads.push_back({BuildObjectLiteral(value, source_),
                                origin.empty() ? "inline" : origin, group_});
      CheckClassMembers(&site->payloads.back().object, site);
    } else if (type == "identifier") {
      flow_.insert(ts_node_start_byte(value));
      ResolveVariable(value, hops, site);
    } else if (type == "await_expression") {
      // `await build()`: the value the promise settles with, which for an
      // async builder is what it returns.
      Resolve(ts_node_named_child(value, 0), origin, hops, site);
    } else if (type == "call_expression") {
      ResolveCall(value, hops, site);
    } else if (type == "undefined" || type == "null") {
      return;
    } else if (type == "member_expression" && ResolveField(value, hops, site)) {
      return;
    } else if (type == "member_expression" &&
               RequestImportedGetter(value, source_, site)) {
      return;
    } else if (type == "member_expression" || type == "subscript_expression") {
      if (!site->server_read)
        site->server_read = ServerResponseRead(value, source_);
      Blind(site, "the payload comes from " +
                      Quote(node::Text(value, source_)) + AtLine(value) +
                      ", built elsewhere (another method, the server or a "
                      "caller); migrate "
                      "it where it is built");
    } else {
      Blind(
          site,
          "the payload is " + Quote(node::Text(value, source_)) +
              AtLine(value) +
              ", not an object literal or a variable; check where it is built");
    }
  }

  // `this.payload` in a method: the object the constructor sets it to.
  bool ResolveField(TSNode use, int hops, CallSite* site) {
    FieldPayload field = PayloadOfField(use, source_);
    if (!field.is_field) return false;
    if (!field.blind.empty()) {
      Blind(site, field.blind);
      return true;
    }
    for (PayloadObserver& o : field.observers)
      site->observers.push_back(std::move(o));
    Resolve(field.value, field.origin, hops + 1, site);
    return true;
  }

  // `type: this.type` whose string the class does not prove, and
  // `...super.build()`, whose object is the base class's.
  void CheckClassMembers(ObjectLiteral* object, CallSite* site) {
    for (Member& m : object->members) {
      if (m.kind != Member::Kind::kSpread) continue;
      TSNode spread = ts_node_descendant_for_byte_range(
          root_, m.value_range.begin, m.value_range.end);
      if (!node::Is(spread, "spread_element")) continue;
      TSNode call = node::Unwrap(ts_node_named_child(spread, 0));
      if (!node::Is(call, "call_expression")) continue;
      if (IsFollowedSuperCall(call)) {
        m.covered = options_.covered;
      } else if (std::string why = SuperCallReason(call, source_);
                 !why.empty()) {
        Blind(site, why);
      }
    }
    const Member* type = object->Find("type");
    if (!type || type->string_value || options_.type_from_users) return;
    TSNode value = ts_node_descendant_for_byte_range(
        root_, type->value_range.begin, type->value_range.end);
    if (std::string why = UnprovenFieldType(value, source_); !why.empty())
      Blind(site, why);
  }

  void ResolveVariable(TSNode identifier, int hops, CallSite* site) {
    std::string_view name = node::Text(identifier, source_);
    Binding binding = ResolveName(name, identifier, source_);
    std::string var = "variable " + Quote(name);
    if (RequestImportedValue(identifier, binding, source_, site)) return;
    switch (binding.kind) {
      case Binding::Kind::kNotFound:
        Blind(site, "the payload " + var + " is not declared in this file");
        return;
      case Binding::Kind::kParameter:
        if (auto read = ServerResponseRead(identifier, source_)) {
          if (!site->server_read) site->server_read = std::move(read);
          Blind(site, "the payload " + Quote(name) +
                          " is what the server sent" + AtLine(identifier) +
                          "; migrate it where the server builds it");
          return;
        }
        ResolveParameter(binding, name, hops, site);
        return;
      case Binding::Kind::kImported:
        Blind(site, "the payload " + Quote(name) + " is imported" +
                        AtLine(binding.declarator) +
                        "; migrate it where it is defined");
        return;
      case Binding::Kind::kFunction:
      case Binding::Kind::kClass:
        Blind(site, "the payload " + Quote(name) +
                        " is a function or class, not an object");
        return;
      case Binding::Kind::kOther:
        Blind(site, "the payload " + Quote(name) +
                        " is bound by destructuring, a loop or a "
                        "catch clause" +
                        AtLine(binding.declarator) +
                        "; the tool cannot see the object");
        return;
      case Binding::Kind::kVariable:
        break;
    }
    TSNode saved_moment = moment_;
    moment_ = MomentOf(identifier);
    Track(binding, name, "");
    // `Object.assign(payload, {...})` later on: its literals are parts of
    // the same payload.
    std::vector<TSNode> merges = MergesInto(binding, name);
    int saved = group_;
    if (!merges.empty() && group_ < 0) group_ = next_group_++;
    TSNode init = node::Field(binding.declarator, "value");
    if (IsFollowedSuperCall(node::Unwrap(init))) {
      ResolvePiecewise(binding, name, node::Unwrap(init), site);
    } else if (!ts_node_is_null(init)) {
      Resolve(init, var + AtLine(init), hops + 1, site);
    }
    for (TSNode assignment : binding.assignments) {
      // A value given after the call is not what the call receives.
      if (ProvablyAfter(assignment, moment_, binding.scope)) continue;
      TSNode right = node::Field(assignment, "right");
      Resolve(right, var + AtLine(right), hops + 1, site);
    }
    for (TSNode merge : merges) MergeArguments(merge, name, hops, site);
    // `if (...) p = {...}; else p = {...}; Object.assign(p, {...})`: the
    // merged part joins whichever literal ran, which one plan cannot say.
    size_t values =
        (ts_node_is_null(init) ? 0 : 1) + binding.assignments.size();
    if (!merges.empty() && values > 1) {
      Blind(site, "the payload " + var +
                      " is one of several objects, and more fields are "
                      "merged into it" +
                      AtLine(merges.front()) + "; migrate each branch by hand");
    }
    group_ = saved;
    moment_ = saved_moment;
  }

  // The call a variable's object goes on through toward the createSource
  // call: the call it is an argument of (the createSource call itself, a
  // wrapper `payCard(payload)`, a merge `Object.assign({}, payload)`), or,
  // for `const b = a`, the moment of `b`. What happens to the object
  // after that moment, in the same activation, is not what the call gets.
  TSNode MomentOf(TSNode identifier) const {
    TSNode up = ts_node_parent(identifier);
    while (node::Is(up, "parenthesized_expression")) up = ts_node_parent(up);
    if (node::Is(up, "arguments")) {
      TSNode call = ts_node_parent(up);
      if (ts_node_eq(call, call_)) return call;
      // A wrapper call holds the moment only when the wrapper reaches it
      // before returning: not from a callback, nor after an `await`.
      if (node::Is(call, "call_expression") && RunsBeforeReturn(moment_))
        return call;
    }
    return moment_;
  }

  static bool RunsBeforeReturn(TSNode moment) {
    if (ts_node_is_null(moment)) return false;
    for (TSNode p = ts_node_parent(moment); !ts_node_is_null(p);
         p = ts_node_parent(p)) {
      if (!node::IsFunction(p)) continue;
      for (uint32_t i = 0; i < ts_node_child_count(p); ++i) {
        std::string_view t = node::Type(ts_node_child(p, i));
        if (t == "async" || t == "*") return false;
        if (t == "formal_parameters") break;
      }
      return !node::Type(p).starts_with("generator");
    }
    return false;
  }

  // Calls like `Object.assign(name, ...)` that merge into `binding` before
  // the call.
  std::vector<TSNode> MergesInto(const Binding& binding,
                                 std::string_view name) const {
    std::vector<TSNode> calls;
    for (TSNode use : UsesOf(binding, name, source_)) {
      std::vector<TSNode> up = node::Ancestors(use);  // one descent for all
      auto above = [&](size_t i) { return i < up.size() ? up[i] : TSNode{}; };
      size_t i = 0;  // above(i) is the parent of `arg`
      while (node::Is(above(i), "parenthesized_expression")) ++i;
      TSNode list = above(i);
      TSNode n = above(i + 1);
      if (!node::Is(list, "arguments") || !node::Is(n, "call_expression") ||
          !IsMerger(node::Text(node::Field(n, "function"), source_))) {
        continue;
      }
      std::vector<TSNode> args = node::Arguments(n);
      size_t target =
          !args.empty() && node::Is(node::Unwrap(args[0]), "true") ? 1 : 0;
      if (target < args.size() && ts_node_eq(node::Unwrap(args[target]), use) &&
          !ProvablyAfter(n, moment_, binding.scope)) {
        calls.push_back(n);
      }
    }
    return calls;
  }

  void ResolveCall(TSNode call, int hops, CallSite* site) {
    TSNode callee = node::Field(call, "function");
    if (IsMerger(node::Text(callee, source_))) {
      ResolveMerge(call, hops, site);
      return;
    }
    if (RequestImportedCall(call, source_, site)) return;
    std::vector<TSNode> args = node::Arguments(call);
    if (node::Text(callee, source_) == "Promise.resolve" && args.size() == 1) {
      Resolve(args[0], "", hops + 1, site);  // settles with its argument
      return;
    }
    TSNode function = FunctionCalled(callee, source_);
    if (std::string why = SuperCallReason(call, source_);
        ts_node_is_null(function) && !why.empty()) {
      Blind(site, why);
      return;
    }
    if (ts_node_is_null(function)) {
      Blind(site,
            "the payload is built by " + Quote(node::Text(call, source_)) +
                AtLine(call) +
                ", which the tool cannot follow; check the object it returns");
      return;
    }
    ObserveOtherCallers(callee, site);
    // A Vue template may call the method too (`{{ buildPayPal() }}`).
    if (TSNode c = node::Unwrap(callee); node::Is(c, "member_expression")) {
      site->module_names.emplace_back(
          node::Text(node::Field(c, "property"), source_));
    }
    size_t before = site->payloads.size();
    ResolveReturns(
        function,
        "returned by " + Quote(node::Text(callee, source_)) + AtLine(function),
        hops, site);
    GiveTypeOfCall(call, function, before, site);
  }

  // `build('payPal', cart)` of `function build(type, cart) { return
  // {type, ...}; }`: the literal's type is the call's argument.
  void GiveTypeOfCall(TSNode call, TSNode function, size_t first_literal,
                      CallSite* site) {
    for (size_t i = first_literal; i < site->payloads.size(); ++i) {
      std::string name;
      int index = TypeParameterIndex(site->payloads[i].object, root_, function,
                                     source_, &name);
      if (index < 0) continue;
      GivenType given = TypeGivenBy(call, index, source_);
      if (!given.value) return;  // the planner says what the type is
      given.binds = name;
      if (site->given_type && (site->given_type->value != given.value ||
                               site->given_type->binds != given.binds)) {
        Blind(site, "the payload's type is given by more than one call (" +
                        Quote(site->given_type->what) + ", " +
                        Quote(given.what) + "); migrate it by hand");
        return;
      }
      site->given_type = std::move(given);
      return;
    }
  }

  // The literals `function` returns are the payload.
  void ResolveReturns(TSNode function, const std::string& origin, int hops,
                      CallSite* site) {
    TSNode body = node::Field(function, "body");
    if (!node::Is(body, "statement_block")) {  // arrow: `(c) => ({...})`
      Resolve(body, origin, hops + 1, site);
      return;
    }
    ForEachDescendant(body, false, [&](TSNode n) {
      if (node::Is(n, "return_statement") && ts_node_named_child_count(n) > 0) {
        Resolve(ts_node_named_child(n, 0), origin, hops + 1, site);
      }
    });
  }

  // `Object.assign(target, a, b)` and friends: every literal argument is a
  // part of one payload; other arguments may carry anything.
  void ResolveMerge(TSNode call, int hops, CallSite* site) {
    int saved = group_;
    group_ = next_group_++;
    MergeArguments(call, "", hops, site);
    group_ = saved;
  }

  // Resolves the arguments of a merging call as parts of the current
  // group, leaving out the variable `skip` they are merged into.
  void MergeArguments(TSNode call, std::string_view skip, int hops,
                      CallSite* site) {
    std::string what =
        Quote(node::Text(node::Field(call, "function"), source_));
    std::vector<TSNode> args = node::Arguments(call);
    for (size_t i = 0; i < args.size(); ++i) {
      TSNode arg = args[i];
      TSNode value = node::Unwrap(arg);
      if (node::Is(value, "identifier") && node::Text(value, source_) == skip)
        continue;
      if (node::Is(value, "true") || node::Is(value, "false"))
        continue;  // $.extend(true, ...)
      size_t before = site->payloads.size();
      size_t blind_before = site->blind_spots.size();
      Resolve(arg, "part of " + what + AtLine(arg), hops + 1, site);
      if (site->payloads.size() == before &&
          site->blind_spots.size() == blind_before)
        continue;
      if (site->blind_spots.size() > blind_before) {
        site->blind_spots.resize(blind_before);
        Blind(site,
              Quote(node::Text(arg, source_)) +
                  " is merged into the payload by " + what + AtLine(arg) +
                  "; it may carry fields payment sessions no longer accept");
      }
    }
  }

  // `(type, data) => dr.createSource({type, ...data})`: a wrapper whose
  // callers give the payload's fields and, apart, its type. The payload
  // is each caller's `data`; its type, the caller's `type` (GivenType).
  bool ResolveForwarding(TSNode object, int hops, CallSite* site) {
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
                 node::Is(node::Unwrap(node::Field(m, "value")),
                          "identifier")) {
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

  // The payload is a parameter: follow the calls of that function in this
  // file (thin wrappers like `createDrSource(data)`). `type_index`: the
  // parameter that gives the payload's type apart (ResolveForwarding).
  void ResolveParameter(const Binding& binding, std::string_view name, int hops,
                        CallSite* site, int type_index = -1) {
    TSNode function = binding.scope;
    int index = ParameterIndex(function, binding.declarator, source_);
    std::string function_name = FunctionName(function, source_);
    std::string where = "the payload " + Quote(name) + " is a parameter of " +
                        (function_name.empty() ? "an anonymous function"
                                               : Quote(function_name)) +
                        AtLine(function);
    if (TSNode promise = ThenReceiver(function, index, source_);
        !ts_node_is_null(promise) && type_index < 0) {
      // `build().then(p => dr.createSource(p))`: p is what build settles
      // with.
      Track(binding, name, "");
      Resolve(promise,
              "settled value of " + Quote(node::Text(promise, source_)),
              hops + 1, site);
      return;
    }
    if (function_name.empty() || index < 0) {
      Blind(site, where + "; its callers build the object");
      return;
    }
    Track(binding, name, "");
    int calls = 0;
    std::map<std::string, GivenType> given_types;  // by the text passed
    ForEachDescendant(root_, true, [&](TSNode n) {
      if (!node::Is(n, "call_expression") ||
          !CallsWrapper(n, function, source_))
        return;
      std::vector<TSNode> args = node::Arguments(n);
      if (static_cast<size_t>(index) >= args.size()) return;
      ++calls;
      if (type_index >= 0) {
        GivenType given = TypeGivenBy(n, type_index, source_);
        given_types.emplace(given.what, given);
      }
      Resolve(args[index], "passed to " + Quote(function_name) + AtLine(n),
              hops + 1, site);
    });
    if (calls > 0 && type_index >= 0)
      GiveType(given_types, function_name, site);
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
      request.what = "parameter " + Quote(name) + " of " +
                     Quote(function_name) + AtLine(function);
      site->requests.push_back(std::move(request));
    }
  }

  // The type the in-file callers of a forwarding wrapper give: one string
  // they all pass, or a blind spot naming what they pass.
  static void GiveType(const std::map<std::string, GivenType>& given,
                       const std::string& function_name, CallSite* site) {
    if (given.size() == 1 && given.begin()->second.value) {
      site->given_type = given.begin()->second;
      return;
    }
    std::string list;
    for (const auto& [text, type] : given)
      list += (list.empty() ? "" : ", ") + Quote(text);
    Blind(site, "the payload's type is given apart by the callers of " +
                    Quote(function_name) + " (" + list +
                    "), not one string literal; migrate each call by hand");
  }

  static void Blind(CallSite* site, std::string reason) {
    AddBlindSpot(site, std::move(reason));
  }

 private:
  // `super.build()` where the project model follows it.
  bool IsFollowedSuperCall(TSNode n) const {
    return !options_.super_member.empty() &&
           IsSuperCall(n, options_.super_member, source_);
  }

  void ResolvePiecewise(const Binding& binding, std::string_view name,
                        TSNode init, CallSite* site) {
    site->payloads.push_back(
        {PiecewiseObject(binding, name, init, options_.covered, source_),
         "built on " + Quote(node::Text(init, source_)) + AtLine(init),
         group_});
  }

  void Track(const Binding& binding, std::string_view name,
             const std::string& prefix) {
    for (const TrackedBinding& known : tracked_) {
      if (ts_node_eq(known.binding.declarator, binding.declarator) &&
          known.prefix == prefix) {
        return;
      }
    }
    tracked_.push_back({binding, std::string(name), prefix, moment_});
  }

  // The variables of objects nested into a payload literal (`payPal:
  // details`) are parts of the payload too: their other uses count.
  void TrackNested(const ObjectLiteral& object, const std::string& prefix) {
    for (const Member& m : object.members) {
      if (!m.object) continue;
      std::string path = prefix.empty() ? m.key : prefix + "." + m.key;
      if (!m.object_origin.empty()) {
        TSNode value = ts_node_descendant_for_byte_range(
            root_, m.value_range.begin, m.value_range.end);
        std::string_view name = node::Text(value, source_);
        Binding binding = ResolveName(name, value, source_);
        if (binding.kind == Binding::Kind::kVariable) {
          flow_.insert(ts_node_start_byte(value));
          Track(binding, name, path);
        }
      }
      TrackNested(*m.object, path);
    }
  }

  // A builder whose result also goes somewhere else than a createSource
  // call (`sendToServer(buildPayload())`): that caller sees every field.
  void ObserveOtherCallers(TSNode callee, CallSite* site) {
    callee = node::Unwrap(callee);
    std::vector<TSNode> references;
    if (node::Is(callee, "identifier")) {
      std::string_view name = node::Text(callee, source_);
      Binding b = ResolveName(name, callee, source_);
      for (TSNode use : UsesOf(b, name, source_)) {
        if (!ts_node_eq(node::Field(b.declarator, "name"), use))
          references.push_back(use);
      }
    } else {  // `this.build()`: any `.build` in the file may be another call
      std::string_view method =
          node::Text(node::Field(callee, "property"), source_);
      ForEachDescendant(root_, true, [&](TSNode n) {
        if (node::Is(n, "member_expression") &&
            node::Text(node::Field(n, "property"), source_) == method) {
          references.push_back(n);
        }
      });
    }
    for (TSNode reference : references) {
      if (ts_node_eq(reference, callee)) continue;
      TSNode other = ts_node_parent(reference);
      if (node::Is(other, "call_expression") &&
          ts_node_eq(node::Field(other, "function"), reference) &&
          IsPassedToCreateSource(other, source_)) {
        continue;  // another site: the plans of the two are compared
      }
      site->observers.push_back(
          {"", Quote(node::Text(callee, source_)) + ", which builds it, is " +
                   "also used at line " +
                   std::to_string(node::Line(reference)) + " (" +
                   StatementAround(reference, source_) + ")"});
      return;
    }
  }

  static constexpr int kMaxHops = 8;
  std::string_view source_;
  TSNode root_{};
  TSNode call_{};
  TSNode moment_{};  // see MomentOf
  BuiltPayloadOptions options_;
  FlowNodes flow_;
  std::vector<TrackedBinding> tracked_;
  int group_ = -1;  // the merge group new literals join; -1 for none
  int next_group_ = 0;
};

}  // namespace

void ResolveBuiltPayload(std::string_view source, TSNode root, TSNode builder,
                         bool returns, CallSite* site,
                         const BuiltPayloadOptions& options) {
  // No call in this file: nothing here is provably after it.
  PayloadResolver resolver(source, root, TSNode{}, options);
  TSNode declarator = ts_node_parent(builder);
  if (returns) {
    resolver.ResolveReturns(builder, "returned by the exported builder", 0,
                            site);
  } else if (node::Is(declarator, "variable_declarator")) {
    // Through the variable, so that its other uses are seen.
    resolver.Resolve(node::Field(declarator, "name"), "", 0, site);
  } else {
    resolver.Resolve(builder, "", 0, site);
  }
  resolver.CollectUses(site);
}

void ResolvePayload(std::string_view source, TSNode root, TSNode payload,
                    CallSite* site) {
  TSNode call =
      ts_node_descendant_for_byte_range(root, site->call.begin, site->call.end);
  PayloadResolver resolver(source, root, call);
  resolver.Resolve(payload, "", 0, site);
  resolver.CollectUses(site);
}

}  // namespace psm
