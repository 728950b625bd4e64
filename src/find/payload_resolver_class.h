#ifndef PSM_FIND_PAYLOAD_RESOLVER_CLASS_H_
#define PSM_FIND_PAYLOAD_RESOLVER_CLASS_H_

// The resolver behind ResolvePayload and ResolveBuiltPayload
// (payload_resolver.h), shared by its two source files: payload_resolver.cc
// follows expressions, variables, calls and merges; payload_sources.cc the
// places a payload comes from besides them (parameters and their callers,
// wrappers that take the type apart, fields, base classes, piecewise
// builds) and the other callers of a builder. Not for other users.

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/strings.h"
#include "find/class_fields.h"
#include "find/declared_type.h"
#include "find/imported_payloads.h"
#include "find/mergers.h"
#include "find/object_builder.h"
#include "find/payload_resolver.h"
#include "find/payload_uses.h"
#include "find/scope.h"
#include "find/server_response.h"
#include "find/super_payloads.h"
#include "find/wrapper_calls.h"
#include "syntax/node.h"

namespace psm::payload_detail {

inline std::string AtLine(TSNode n) {
  return " (line " + std::to_string(node::Line(n)) + ")";
}

// While alive, the payloads followed are given `type`, when there is one:
// a type met nearer to a literal, on the way from the call, replaces one
// met farther (`const p: T = {...} as any` is `any`). Restored after.
class NearerType {
 public:
  NearerType(std::optional<DeclaredType>* slot,
             std::optional<DeclaredType> type)
      : slot_(slot), saved_(*slot) {
    if (type) *slot_ = std::move(type);
  }
  ~NearerType() { *slot_ = std::move(saved_); }
  NearerType(const NearerType&) = delete;
  NearerType& operator=(const NearerType&) = delete;

 private:
  std::optional<DeclaredType>* slot_;
  std::optional<DeclaredType> saved_;
};

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
  void CollectUses(CallSite* site);

  // Follows a payload expression to the object literals that make it.
  // `hops` bounds the steps through variables, functions and wrappers.
  void Resolve(TSNode expr, const std::string& origin, int hops,
               CallSite* site);

  // `this.payload` in a method: the object the constructor sets it to.
  bool ResolveField(TSNode use, int hops, CallSite* site);

  // `type: this.type` whose string the class does not prove, and
  // `...super.build()`, whose object is the base class's.
  void CheckClassMembers(ObjectLiteral* object, CallSite* site);

  void ResolveVariable(TSNode identifier, int hops, CallSite* site);

  // The call a variable's object goes on through toward the createSource
  // call: the call it is an argument of (the createSource call itself, a
  // wrapper `payCard(payload)`, a merge `Object.assign({}, payload)`), or,
  // for `const b = a`, the moment of `b`. What happens to the object
  // after that moment, in the same activation, is not what the call gets.
  TSNode MomentOf(TSNode identifier) const;
  // Marks the sessionId of a part `merge` brings in as there at times.
  void MarkSessionIdAtTimes(TSNode merge, ObjectLiteral* part) const;

  static bool RunsBeforeReturn(TSNode moment);

  // Calls like `Object.assign(name, ...)` that merge into `binding` before
  // the call.
  std::vector<TSNode> MergesInto(const Binding& binding,
                                 std::string_view name) const;

  void ResolveCall(TSNode call, int hops, CallSite* site);
  bool MakesAnElement(TSNode callee) const;

  // `build('payPal', cart)` of `function build(type, cart) { return
  // {type, ...}; }`: the literal's type is the call's argument.
  void GiveTypeOfCall(TSNode call, TSNode function, CallSite* site);

  // The literals `function` returns are the payload.
  void ResolveReturns(TSNode function, const std::string& origin, int hops,
                      CallSite* site);

  // `Object.assign(target, a, b)` and friends: every literal argument is a
  // part of one payload; other arguments may carry anything.
  void ResolveMerge(TSNode call, int hops, CallSite* site);

  // Resolves the arguments of a merging call as parts of the current
  // group, leaving out the variable `skip` they are merged into.
  void MergeArguments(TSNode call, std::string_view skip, int hops,
                      CallSite* site);

  // `(type, data) => dr.createSource({type, ...data})`: a wrapper whose
  // callers give the payload's fields and, apart, its type. The payload
  // is each caller's `data`; its type, the caller's `type` (GivenType).
  bool ResolveForwarding(TSNode object, int hops, CallSite* site);

  // The payload is a parameter: follow the calls of that function in this
  // file (thin wrappers like `createDrSource(data)`). `type_index`: the
  // parameter that gives the payload's type apart (ResolveForwarding).
  void ResolveParameter(const Binding& binding, std::string_view name, int hops,
                        CallSite* site, int type_index = -1);
  // For a function without a return type: the type it gets where it
  // stands (ContextualType), when it lists fields, as an observer.
  void ObserveContextualType(TSNode function, CallSite* site);
  // For a parameter whose callers live in other files: its declared type,
  // when it lists fields, as an observer of their payloads.
  void ObserveParameterType(const Binding& binding, std::string_view name,
                            const std::string& function_name, CallSite* site);

  // The type the in-file callers of a forwarding wrapper give: one string
  // they all pass, or a blind spot naming what they pass.
  static void GiveType(const std::vector<GivenType>& given,
                       const std::string& function_name, CallSite* site);

  static void Blind(CallSite* site, std::string reason);

 private:
  // `super.build()` where the project model follows it.
  bool IsFollowedSuperCall(TSNode n) const;

  void ResolvePiecewise(const Binding& binding, std::string_view name,
                        TSNode init, CallSite* site);

  void Track(const Binding& binding, std::string_view name,
             const std::string& prefix);

  // The variables of objects nested into a payload literal (`payPal:
  // details`) are parts of the payload too: their other uses count.
  void TrackNested(const ObjectLiteral& object, const std::string& prefix);

  // A builder whose result also goes somewhere else than a createSource
  // call (`sendToServer(buildPayload())`): that caller sees every field.
  void ObserveOtherCallers(TSNode callee, CallSite* site);
  // Where the method `callee` (`this.build`) calls is named other than as
  // a member read or its definition: `this['build']()`, `const { build } =
  // view`, `{ build }`, `'build'` handed somewhere. "" when nowhere.
  std::string NamedOtherwise(TSNode callee) const;
  // When `this` (`self`) is an object literal bound to a name that is used
  // other than by reading a member by name (`view[k]()`,
  // `Object.keys(view)`, `register(view)`): where. "" otherwise.
  std::string HolderUsedWhole(TSNode self) const;
  bool TakesMethodOff(TSNode n) const;
  // Why the base an object literal extends (`Component.extend({...})`)
  // may call the builder method `callee` names itself, or "".
  std::string CalledByItsBase(TSNode callee) const;
  std::string ComputedThisAccess(TSNode callee) const;
  bool ComputesMemberOfThis(TSNode n) const;
  bool ReachesMembersByKey(TSNode use) const;
  // A method builder with a decorator (`@Audit() build() {...}`): the
  // decorator may wrap it and see what it returns.
  // A decorator of the method `function` may wrap it and see `sees`.
  void ObserveDecorators(TSNode function, CallSite* site,
                         std::string_view sees);
  // Why the parameters of `function` have types declared elsewhere than
  // on them (overload signatures, the type of the variable holding an
  // arrow function), which the edited object may not fit; "" otherwise.
  std::string TypesFromElsewhere(TSNode function,
                                 const std::string& function_name) const;

  // Whether `value` is reached for the first time in the current merge
  // group. Each expression is followed once per group: callers that pass
  // one another's parameters, or a recursive wrapper (`function pay(d) {
  // ... pay(d) }`), would otherwise be walked once per path, exponentially
  // many within kMaxHops (found by fuzz_migrate: a file of wrappers took
  // minutes). A payload reached on two paths is one payload anyway.
  bool FirstVisit(TSNode value);

  static constexpr int kMaxHops = 8;
  // A backstop on the expressions one site follows, whatever the path.
  static constexpr size_t kMaxVisits = 4096;
  std::string_view source_;
  TSNode root_{};
  TSNode call_{};
  TSNode moment_{};  // see MomentOf
  BuiltPayloadOptions options_;
  FlowNodes flow_;
  std::vector<TrackedBinding> tracked_;
  int group_ = -1;  // the merge group new literals join; -1 for none
  // The type given nearest on the way to the expression being followed
  // (see NearerType); the literals found take it (ObjectLiteral::declared).
  std::optional<DeclaredType> declared_;
  // What FirstVisit has seen: (start byte, end byte, group), few per site.
  std::vector<std::tuple<uint32_t, uint32_t, int>> visited_;
  int next_group_ = 0;
};

}  // namespace psm::payload_detail

#endif  // PSM_FIND_PAYLOAD_RESOLVER_CLASS_H_
