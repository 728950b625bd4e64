#include "find/assignment_value.h"
#include "find/payload_resolver.h"

#include "common/step_counter.h"
#include "find/class_fields.h"
#include "find/every_path.h"
#include "find/payload_resolver_class.h"
#include "find/string_code.h"

namespace psm {
namespace payload_detail {

void PayloadResolver::CollectUses(CallSite* site) {
  for (const PayloadLiteral& literal : site->payloads) {
    TrackNested(literal.object, "");
  }
  for (const TrackedBinding& tracked : tracked_) {
    CollectPayloadUses(tracked, flow_, source_, &site->mutations,
                       &site->observers);
    if (node::Is(tracked.binding.scope, "program")) {
      site->module_names.push_back(tracked.name);
      site->program_bindings.push_back(tracked.name);
      if (std::string why = GlobalNamedInString(tracked.name, root_, source_);
          !why.empty())
        site->observers.push_back({"", std::move(why)});
    }
  }
  DropPiecewiseWrites(site);
}

bool PayloadResolver::FirstVisit(TSNode value) {
  std::tuple key{ts_node_start_byte(value), ts_node_end_byte(value), group_};
  // A linear search: a site follows one to a few expressions, and the
  // exponential cases this guards against are cut to a few dozen by it.
  if (std::find(visited_.begin(), visited_.end(), key) != visited_.end())
    return false;
  visited_.push_back(key);
  return true;
}

void PayloadResolver::Resolve(TSNode expr, const std::string& origin, int hops,
                              CallSite* site) {
  TSNode value = node::Unwrap(expr);
  if (ts_node_is_null(value)) return;
  NearerType asserted(&declared_, AssertedType(expr, source_));
  if (hops > kMaxHops) {
    Blind(site, "the payload flows through too many steps (" +
                    Quote(node::Text(expr, source_)) + AtLine(expr) +
                    "); check where it is built");
    return;
  }
  if (!FirstVisit(value)) return;
  CountSteps(1);
  if (visited_.size() > kMaxVisits) {
    Blind(site, "the payload flows through too many paths (" +
                    Quote(node::Text(expr, source_)) + AtLine(expr) +
                    "); check where it is built");
    return;
  }
  std::string_view type = node::Type(value);
  if (type == "object") {
    ObjectLiteral literal = BuildObjectLiteral(value, source_);
    // `{type, ...data}` has two members (comments aside): only then can
    // it forward a caller's object.
    if (literal.members.size() == 2 && ResolveForwarding(value, hops, site))
      return;
    for (const PayloadLiteral& known : site->payloads) {
      // The same literal reached on two paths is one payload.
      if (known.object.range == literal.range && known.group == group_) return;
    }
    literal.declared = declared_;
    if (std::string why = AssignedValueUse(value, source_); !why.empty())
      site->observers.push_back({"", std::move(why)});
    site->payloads.push_back(
        {std::move(literal), origin.empty() ? "inline" : origin, group_});
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
    Blind(site, "the payload comes from " + Quote(node::Text(value, source_)) +
                    AtLine(value) +
                    ", built elsewhere (another method, the server or a "
                    "caller); migrate "
                    "it where it is built");
  } else {
    Blind(site,
          "the payload is " + Quote(node::Text(value, source_)) +
              AtLine(value) +
              ", not an object literal or a variable; check where it is built");
  }
}

namespace {

// The function (or the program) whose code `n` runs in.
TSNode FunctionAround(TSNode n) {
  TSNode p = node::Parent(n);
  while (!ts_node_is_null(p) && !node::IsFunction(p) &&
         !ts_node_is_null(node::Parent(p))) {
    p = node::Parent(p);
  }
  return p;
}

// A template island (`<?= json_encode($p) ?>`) as the script view of a
// page shows it (MaskScriptContainer): a run of underscores no one names a
// variable.
bool IsMaskedIsland(std::string_view name) {
  return name.size() >= 5 &&
         name.find_first_not_of('_') == std::string_view::npos;
}

}  // namespace

void PayloadResolver::ResolveVariable(TSNode identifier, int hops,
                                      CallSite* site) {
  std::string_view name = node::Text(identifier, source_);
  Binding binding = ResolveName(name, identifier, source_);
  std::string var = "variable " + Quote(name);
  if (RequestImportedValue(identifier, binding, source_, site)) return;
  switch (binding.kind) {
    case Binding::Kind::kNotFound:
      if (IsMaskedIsland(name)) {
        Blind(site,
              "the payload is printed by the page's template (a "
              "server-side expression); migrate it where the server "
              "builds it");
        return;
      }
      Blind(site, "the payload " + var + " is not declared in this file");
      return;
    case Binding::Kind::kParameter:
      if (auto read = ServerResponseRead(identifier, source_)) {
        if (!site->server_read) site->server_read = std::move(read);
        Blind(site, "the payload " + Quote(name) + " is what the server sent" +
                        AtLine(identifier) +
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
                      (node::Is(binding.declarator, "variable_declarator") &&
                               node::Is(node::Field(binding.declarator, "name"),
                                        "identifier")
                           ? " is declared with `var` more than once in its "
                             "function"
                           : " is bound by destructuring, a loop or a catch "
                             "clause") +
                      AtLine(binding.declarator) +
                      "; the tool cannot tell which object reaches the call");
      return;
    case Binding::Kind::kVariable:
      break;
  }
  NearerType annotated(&declared_,
                       AnnotatedType(binding.declarator, "type", source_));
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
  for (TSNode merge : merges) {
    size_t before = site->payloads.size();
    MergeArguments(merge, name, hops, site);
    // `if (c) Object.assign(p, {sessionId: id})`: a sessionId merged in
    // only at times.
    if (AlwaysBefore(merge, {moment_}, source_)) continue;
    for (size_t i = before; i < site->payloads.size(); ++i)
      MarkSessionIdAtTimes(merge, &site->payloads[i].object);
  }
  // `Object.assign(base, {type: 'creditCard'})` in another function changes
  // the same object whenever that function runs: what this call gets
  // depends on which ran last.
  for (TSNode merge : merges) {
    if (ts_node_eq(FunctionAround(merge), FunctionAround(identifier))) continue;
    // Refused, not a blind spot: the literals merged there are parts of
    // this payload now, and would name its method and take its edits.
    site->refused = "the payload " + var + " is also changed by " +
                    Quote(node::Text(merge, source_)) + AtLine(merge) +
                    ", in another function; what it holds at this call "
                    "depends on which ran last: migrate it by hand";
    break;
  }
  // `if (...) p = {...}; else p = {...}; Object.assign(p, {...})`: the
  // merged part joins whichever literal ran, which one plan cannot say.
  size_t values = (ts_node_is_null(init) ? 0 : 1) + binding.assignments.size();
  if (!merges.empty() && values > 1) {
    Blind(site, "the payload " + var +
                    " is one of several objects, and more fields are "
                    "merged into it" +
                    AtLine(merges.front()) + "; migrate each branch by hand");
  }
  group_ = saved;
  moment_ = saved_moment;
}

void PayloadResolver::MarkSessionIdAtTimes(TSNode merge,
                                           ObjectLiteral* part) const {
  for (Member& m : part->members) {
    if (m.key == "sessionId" && m.empty_at_times().empty())
      m.set_empty_at_times(std::string(node::Text(merge, source_)));
  }
}

TSNode PayloadResolver::MomentOf(TSNode identifier) const {
  TSNode up = node::Parent(identifier);
  while (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
  if (node::Is(up, "arguments")) {
    TSNode call = node::Parent(up);
    if (ts_node_eq(call, call_)) return call;
    // A wrapper call holds the moment only when the wrapper reaches it
    // before returning: not from a callback, nor after an `await`.
    if (node::Is(call, "call_expression") && RunsBeforeReturn(moment_))
      return call;
  }
  return moment_;
}

bool PayloadResolver::RunsBeforeReturn(TSNode moment) {
  if (ts_node_is_null(moment)) return false;
  for (TSNode p = node::Parent(moment); !ts_node_is_null(p);
       p = node::Parent(p)) {
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

std::vector<TSNode> PayloadResolver::MergesInto(const Binding& binding,
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

// Whether `callee` makes a DigitalRiver.js element (`dr.createElement(...)`,
// not `document.createElement`): its value is no payload.
bool PayloadResolver::MakesAnElement(TSNode callee) const {
  if (!node::Is(callee, "member_expression")) return false;
  std::string_view object = node::Text(node::Field(callee, "object"), source_);
  return node::Text(node::Field(callee, "property"), source_) ==
             "createElement" &&
         object != "document" && !object.ends_with(".document") &&
         object != "React";
}

void PayloadResolver::ResolveCall(TSNode call, int hops, CallSite* site) {
  TSNode callee = node::Field(call, "function");
  if (IsMerger(node::Text(callee, source_))) {
    ResolveMerge(call, hops, site);
    return;
  }
  if (MakesAnElement(callee)) {
    Blind(site, "the call hands createSource an element (" +
                    Quote(node::Text(call, source_)) + AtLine(call) +
                    ") where the payload goes: a source needs the element "
                    "first and its details second (a card: `{ type: "
                    "'creditCard', sessionId }`); add them by hand");
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
  ObserveDecorators(function, site, "what it returns");
  // `buildPayload()`, a function of the file's top level: other scripts of
  // a page may call it too.
  if (TSNode c = node::Unwrap(callee); node::Is(c, "identifier")) {
    std::string_view name = node::Text(c, source_);
    if (node::Is(ResolveName(name, c, source_).scope, "program")) {
      site->program_bindings.emplace_back(name);
      // The markup of a Vue `<script setup>` or Svelte component may call
      // it too (`{{ buildPayload().amount }}`).
      site->module_names.emplace_back(name);
    }
  }
  // A Vue template may call the method too (`{{ buildPayPal() }}`).
  if (TSNode c = node::Unwrap(callee); node::Is(c, "member_expression")) {
    std::string method(node::Text(node::Field(c, "property"), source_));
    site->module_names.push_back(method);
    // A base class in another module runs on the same instance and may
    // call `this.buildPayload()` too: the project model looks there.
    if (node::Is(node::Unwrap(node::Field(c, "object")), "this")) {
      if (std::optional<uint32_t> at = ClassOfImportedBase(c, source_))
        site->field_bases.push_back({*at, std::move(method)});
    }
  }
  ResolveReturns(
      function,
      "returned by " + Quote(node::Text(callee, source_)) + AtLine(function),
      hops, site);
  GiveTypeOfCall(call, function, site);
}

void PayloadResolver::ResolveReturns(TSNode function, const std::string& origin,
                                     int hops, CallSite* site) {
  std::optional<DeclaredType> type =
      AnnotatedType(function, "return_type", source_);
  if (!type) ObserveContextualType(function, site);
  NearerType returned(&declared_, std::move(type));
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

// A function typed where it stands (`const payPal: Builder = ...`, `{...}
// satisfies Record<string, Builder>`, `implements SourceRequest`): its
// objects must fit a type the tool does not check them against, so an
// edit may break the build. Nothing changes for a payload that needs none.
void PayloadResolver::ObserveContextualType(TSNode function, CallSite* site) {
  std::string type = TypeWithFieldsShown(ContextualType(function, source_));
  if (type.empty()) return;
  site->observers.push_back(
      {"",
       "the function building it" + AtLine(function) + " is typed by " + type +
           ", which its objects must fit: an edit may break the build (the "
           "file may not compile); update the type, then migrate by hand",
       /*adds_nothing=*/true});
}

void PayloadResolver::ResolveMerge(TSNode call, int hops, CallSite* site) {
  int saved = group_;
  group_ = next_group_++;
  MergeArguments(call, "", hops, site);
  group_ = saved;
}

void PayloadResolver::MergeArguments(TSNode call, std::string_view skip,
                                     int hops, CallSite* site) {
  std::string what = Quote(node::Text(node::Field(call, "function"), source_));
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
    // What the tool cannot see into, or one of two objects picked at run
    // time (`cc ? { type: 'creditCard' } : {}`), may set any field, the
    // payment type included: a write of fields it cannot name.
    bool conditional = node::Is(value, "ternary_expression") ||
                       node::Is(value, "binary_expression");
    if (site->blind_spots.size() > blind_before || conditional) {
      PayloadMutation unknown;
      unknown.what = "`" + std::string(node::Text(arg, source_)) + "`";
      unknown.statement = node::Range(arg);
      site->mutations.push_back(std::move(unknown));
    }
    if (site->blind_spots.size() > blind_before) {
      // An object the tool cannot see may hold the checkout's session.
      if (node::Is(value, "identifier") ||
          node::Is(value, "member_expression") ||
          node::Is(value, "subscript_expression") ||
          node::Is(value, "call_expression") ||
          node::Is(value, "await_expression"))
        site->merged_unseen.push_back(Quote(node::Text(arg, source_)));
      site->blind_spots.resize(blind_before);
      Blind(site,
            Quote(node::Text(arg, source_)) +
                " is merged into the payload by " + what + AtLine(arg) +
                "; it may carry fields payment sessions no longer accept");
    }
  }
}

void PayloadResolver::Track(const Binding& binding, std::string_view name,
                            const std::string& prefix) {
  for (const TrackedBinding& known : tracked_) {
    if (ts_node_eq(known.binding.declarator, binding.declarator) &&
        known.prefix == prefix) {
      return;
    }
  }
  tracked_.push_back({binding, std::string(name), prefix, moment_});
}

void PayloadResolver::TrackNested(const ObjectLiteral& object,
                                  const std::string& prefix) {
  for (const Member& m : object.members) {
    if (!m.object) continue;
    std::string path = prefix.empty() ? m.key : prefix + "." + m.key;
    if (!m.object_origin().empty()) {
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

}  // namespace payload_detail

using payload_detail::PayloadResolver;

void ResolveBuiltPayload(std::string_view source, TSNode root, TSNode builder,
                         bool returns, CallSite* site,
                         const BuiltPayloadOptions& options) {
  // No call in this file: nothing here is provably after it.
  PayloadResolver resolver(source, root, TSNode{}, options);
  TSNode declarator = node::Parent(builder);
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
  // The call lies on the path just walked to its name (PathTo remembers
  // it), so this is no descent from the root.
  std::vector<TSNode> path =
      node::PathTo(root, site->call.begin, site->call.end);
  TSNode call = path.empty() ? TSNode{} : path.back();
  PayloadResolver resolver(source, root, call);
  resolver.Resolve(payload, "", 0, site);
  resolver.CollectUses(site);
}

}  // namespace psm
