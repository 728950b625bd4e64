#include "find/payload_uses.h"

#include <algorithm>

#include "common/js_string.h"
#include "find/closed_spread.h"
#include "find/effects.h"
#include "find/every_path.h"
#include "find/mergers.h"
#include "find/object_builder.h"
#include "find/receiver.h"
#include "find/scope.h"
#include "find/site_finder.h"
#include "find/this_readers.h"
#include "find/unnamed_reach.h"
#include "syntax/node.h"

namespace psm {
namespace {

// `use` with the member accesses around it: `payload.payPal['items']`
// gives segments {payPal, items}. A computed key the tool cannot read ends
// the path there (`known` segments), since any field below may be meant.
struct Chain {
  TSNode top{};                       // the outermost access
  std::vector<std::string> segments;  // every access, the method included
  size_t known = 0;                   // leading segments that are names
  TSNode parent{};                    // what holds `top`
  size_t parent_index = 0;            // its index in the ancestor list
};

Chain ClimbChain(TSNode use, const std::vector<TSNode>& up,
                 std::string_view source) {
  Chain chain;
  chain.top = use;
  bool readable = true;
  size_t i = 0;
  for (; i < up.size(); ++i) {
    TSNode p = up[i];
    bool access = (node::Is(p, "member_expression") ||
                   node::Is(p, "subscript_expression")) &&
                  ts_node_eq(node::Field(p, "object"), chain.top);
    if (!access) {
      if (node::Is(p, "parenthesized_expression") ||
          node::Is(p, "non_null_expression")) {
        chain.top = p;
        continue;
      }
      break;
    }
    std::string key;
    if (node::Is(p, "member_expression")) {
      key = DecodeJsEscapes(node::Text(node::Field(p, "property"), source));
    } else if (!node::StringLiteralValue(node::Field(p, "index"), source,
                                         &key)) {
      readable = false;
    }
    chain.segments.push_back(key);
    if (readable) chain.known = chain.segments.size();
    chain.top = p;
  }
  chain.parent = i < up.size() ? up[i] : TSNode{};
  chain.parent_index = i;
  return chain;
}

std::string Joined(const std::string& prefix,
                   const std::vector<std::string>& segments, size_t count) {
  std::string path = prefix;
  for (size_t k = 0; k < count && k < segments.size(); ++k) {
    if (!path.empty()) path += '.';
    path += segments[k];
  }
  return path;
}

bool IsCreateSourceCall(TSNode call, std::string_view source) {
  return node::Is(call, "call_expression") &&
         node::Text(node::Field(call, "function"), source)
                 .find(kCreateSource) != std::string_view::npos;
}

bool IsLastArgument(TSNode call, TSNode arg) {
  std::vector<TSNode> args = node::Arguments(call);
  return !args.empty() &&
         ts_node_eq(node::Unwrap(args.back()), node::Unwrap(arg));
}

// The argument holding `top` is the target of a merge (`Object.assign(p,
// ...)`, `$.extend(true, p, ...)`), which the resolver follows.
bool IsMergeTarget(TSNode call, TSNode top, std::string_view source) {
  if (!IsMerger(node::Text(node::Field(call, "function"), source)))
    return false;
  std::vector<TSNode> args = node::Arguments(call);
  size_t target =
      !args.empty() && node::Is(node::Unwrap(args[0]), "true") ? 1 : 0;
  return target < args.size() &&
         ts_node_eq(node::Unwrap(args[target]), node::Unwrap(top));
}

// Whether `call`, a createSource call, is another library's
// (`stripe.createSource(p)`): it reads every field it is given.
bool IsOtherLibrarysCall(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (!node::Is(callee, "member_expression")) return false;
  Receiver kind = ClassifyReceiver(node::Field(callee, "object"), source);
  return kind == Receiver::kOtherLibrary || kind == Receiver::kEither;
}

// The whole object is passed as the payload of a createSource call, as is
// or through merges: another consumer of the same object, not an observer.
// Not so for another library's createSource, which sees every field.
bool IsConsumer(const std::vector<TSNode>& up, size_t i, TSNode top,
                std::string_view source) {
  for (;;) {
    if (i + 1 >= up.size() || !node::Is(up[i], "arguments")) return false;
    TSNode call = up[i + 1];
    if (IsCreateSourceCall(call, source))
      return IsLastArgument(call, top) && !IsOtherLibrarysCall(call, source);
    if (!IsMerger(node::Text(node::Field(call, "function"), source)))
      return false;
    top = call;
    i += 2;
    while (i < up.size() && node::Is(up[i], "parenthesized_expression")) {
      top = up[i++];
    }
  }
}

}  // namespace

bool IsPassedToCreateSource(TSNode expr, std::string_view source) {
  std::vector<TSNode> up = node::Ancestors(expr);
  size_t i = 0;
  while (i < up.size() && (node::Is(up[i], "parenthesized_expression") ||
                           node::Is(up[i], "await_expression"))) {
    expr = up[i++];
  }
  return IsConsumer(up, i, expr, source);
}

namespace {

// Uses of the whole object that look at no field: `typeof p`, `!p`,
// `p === q`, `if (p)`.
bool IsInert(TSNode parent, TSNode top, std::string_view source) {
  if (node::Is(parent, "unary_expression")) {
    std::string_view op = node::Text(ts_node_child(parent, 0), source);
    return op == "typeof" || op == "!" || op == "void";
  }
  if (node::Is(parent, "binary_expression")) {
    std::string_view op = node::Text(node::Field(parent, "operator"), source);
    return op == "===" || op == "!==" || op == "==" || op == "!=";
  }
  if (node::Is(parent, "if_statement") || node::Is(parent, "while_statement") ||
      node::Is(parent, "do_statement") ||
      node::Is(parent, "ternary_expression")) {
    return ts_node_eq(node::Field(parent, "condition"), top);
  }
  return node::Is(parent, "expression_statement");
}


// `target = value;` as a whole statement directly inside a block, with a
// value free of effects: deleting it changes nothing else.
bool Deletable(TSNode assignment, std::string_view source) {
  TSNode statement = node::Parent(assignment);
  if (!node::Is(statement, "expression_statement")) return false;
  TSNode block = node::Parent(statement);
  bool in_block =
      node::Is(block, "statement_block") || node::Is(block, "program") ||
      node::Is(block, "switch_case") || node::Is(block, "switch_default");
  return in_block &&
         SideEffectOf(node::Field(assignment, "right"), source).empty();
}

ByteRange StatementOf(TSNode expression) {
  TSNode parent = node::Parent(expression);
  return node::Is(parent, "expression_statement") ? node::Range(parent)
                                                  : node::Range(expression);
}

// Whether `arguments` (the parent of a use of the whole object) is a call
// that only prints or serialises its arguments: `console.log(...)`,
// `JSON.stringify(...)` of the globals, not of a name the file declares.
// (A plain object's fields are read, not added.)
bool OnlyPrints(TSNode arguments, std::string_view source, TSNode at) {
  if (!node::Is(arguments, "arguments")) return false;
  TSNode callee = node::Field(node::Parent(arguments), "function");
  if (!node::Is(callee, "member_expression")) return false;
  TSNode object = node::Field(callee, "object");
  std::string_view name = node::Text(object, source);
  if (!node::Is(object, "identifier") ||
      (name != "console" && node::Text(callee, source) != "JSON.stringify"))
    return false;
  return ResolveName(name, at, source).kind == Binding::Kind::kNotFound;
}

// Whether the object a use after the call sees is made anew each time the
// code around the call runs: a variable holding the literal itself. (A
// parameter's object may come back for another call: `submit(p)` twice,
// each `dr.createSource(p); addTotals(p, cart);`.)
bool FreshEachRun(const Binding& binding) {
  if (binding.kind != Binding::Kind::kVariable) return false;
  return node::Is(node::Unwrap(node::Field(binding.declarator, "value")),
                  "object");
}

class UseSorter {
 public:
  UseSorter(const TrackedBinding& tracked, std::vector<TSNode> exits,
            std::string_view source, std::vector<PayloadMutation>* mutations,
            std::vector<PayloadObserver>* observers)
      : tracked_(tracked),
        call_(tracked.moment),
        exits_(std::move(exits)),
        source_(source),
        mutations_(mutations),
        observers_(observers) {}

  void Sort(TSNode use) {
    if (node::Is(use, "shorthand_property_identifier")) {
      Observe(tracked_.prefix, use, "is copied into another object");
      return;
    }
    std::vector<TSNode> up = node::Ancestors(use);
    Chain chain = ClimbChain(use, up, source_);
    if (chain.segments.empty()) {
      SortWhole(chain, up);
    } else {
      SortAccess(chain);
    }
  }

 private:
  void SortWhole(const Chain& chain, const std::vector<TSNode>& up) {
    TSNode parent = chain.parent;
    if (node::Is(parent, "assignment_expression") &&
        ts_node_eq(node::Field(parent, "left"), chain.top)) {
      return;  // `payload = ...`: the resolver follows the new value
    }
    if (node::Is(parent, "arguments") && chain.parent_index + 1 < up.size() &&
        IsMergeTarget(up[chain.parent_index + 1], chain.top, source_)) {
      return;
    }
    if (IsConsumer(up, chain.parent_index, chain.top, source_)) return;
    if (IsInert(parent, chain.top, source_)) return;
    Observe(tracked_.prefix, chain.top, "is used",
            (FreshEachRun(tracked_.binding) &&
             AfterItsCall(chain.top, call_, tracked_.binding.scope, source_)) ||
                OnlyPrints(parent, source_, chain.top));
  }

  void SortAccess(const Chain& chain) {
    TSNode parent = chain.parent;
    std::string path = Joined(tracked_.prefix, chain.segments, chain.known);
    bool exact = chain.known == chain.segments.size();
    std::string_view type = node::Type(parent);
    bool written = ts_node_eq(node::Field(parent, "left"), chain.top);
    if (type == "assignment_expression" && written) {
      Write(parent, exact ? path : std::string(), Deletable(parent, source_));
      // `payload.describe = function () { return this.amount; }`
      // (A view of `segments.back()` itself: `exact ? back() : ""` made a
      // temporary string, and the view dangled.)
      std::string_view key =
          exact ? std::string_view(chain.segments.back()) : std::string_view();
      std::string reads = ThisReaderWritten(node::Field(parent, "right"), key,
                                            source_);
      if (!reads.empty()) Observe(tracked_.prefix, chain.top, reads);
      return;
    }
    if (type == "augmented_assignment_expression" && written) {
      Observe(path, chain.top, "is read");
      Write(parent, exact ? path : std::string(), false);
      return;
    }
    if (type == "call_expression" &&
        ts_node_eq(node::Field(parent, "function"), chain.top)) {
      SortMethodCall(chain, parent);
      return;
    }
    if (type == "for_in_statement" &&
        ts_node_eq(node::Field(parent, "right"), chain.top)) {
      Observe(path, chain.top, "is iterated");  // sees every key it has
      return;
    }
    // A default value in a pattern (`const { v = payload.amount } = o`,
    // `({ t = payload.amount } = {}) => ...`) is read, not written.
    bool default_value = (type == "assignment_pattern" ||
                          type == "object_assignment_pattern") &&
                         ts_node_eq(node::Field(parent, "right"), chain.top);
    if (!default_value &&
        (node::IsPatternPart(parent) || type == "for_in_statement")) {
      Write(parent, exact ? path : std::string(), false);
      return;
    }
    if (type == "unary_expression" &&
        node::Text(node::Field(parent, "operator"), source_) == "delete") {
      Observe(path, chain.top, "is deleted");  // kept: the code wants it gone
      if (exact && path == "sessionId") Write(parent, path, false);
      // Without `type` the call gets no payment type at all: as a write of
      // it, the planner leaves the payload for review.
      if (exact && path == "type") Write(parent, path, false);
      return;
    }
    if (type == "update_expression") {  // `payload.amount++` reads and writes
      Observe(path, chain.top, "is changed");
      Write(parent, exact ? path : std::string(), false);
      return;
    }
    Observe(path, chain.top, "is read");
  }

  // `payload.items.push(x)` grows a field; any other method reads its
  // object (`payload.items.map(...)`, `payload.hasOwnProperty('amount')`).
  void SortMethodCall(const Chain& chain, TSNode call) {
    const std::string& method = chain.segments.back();
    size_t object_segments = chain.segments.size() - 1;
    std::string object = Joined(tracked_.prefix, chain.segments,
                                std::min(chain.known, object_segments));
    bool grows = method == "push" || method == "unshift" || method == "splice";
    if (grows && object_segments > 0) {
      // `payload.payPal.items.push(x)` also reads `items`: without it, the
      // call throws.
      Observe(object, node::Field(chain.top, "object"), "is read");
      Write(call, chain.known >= object_segments ? object : std::string(),
            false);
      return;
    }
    Observe(object, chain.top, "is read");
  }

  void Write(TSNode n, std::string path, bool deletable) {
    PayloadMutation m;
    m.path = std::move(path);
    m.what = Quote(node::Text(n, source_));
    m.statement = StatementOf(n);
    m.deletable = deletable;
    m.after_call = AfterItsCall(n, call_, tracked_.binding.scope, source_);
    m.always_before_call = !m.after_call && AlwaysBefore(n, exits_, source_);
    m.may_empty = m.path == "sessionId" && MayEmpty(n, source_);
    if (node::Is(n, "assignment_expression"))
      m.written_keys = WrittenKeys(node::Field(n, "right"), source_);
    mutations_->push_back(std::move(m));
  }

  void Observe(std::string path, TSNode n, std::string_view how,
               bool adds_nothing = false) {
    std::string shown = node::Is(n, "shorthand_property_identifier")
                            ? tracked_.name
                            : std::string(node::Text(n, source_));
    observers_->push_back(
        {std::move(path),
         Quote(shown) + " " + std::string(how) + " at line " +
             std::to_string(node::Line(n)) + " (" +
             StatementAround(n, source_) + ")",
         adds_nothing});
  }

  const TrackedBinding& tracked_;
  TSNode call_;
  std::vector<TSNode> exits_;  // where the payload flows on (FlowNodes)
  std::string_view source_;
  std::vector<PayloadMutation>* mutations_;
  std::vector<PayloadObserver>* observers_;
};

bool IsDeclaringName(TSNode use, const Binding& binding) {
  if (binding.kind == Binding::Kind::kParameter) {
    return node::Range(binding.declarator).Contains(node::Range(use));
  }
  return ts_node_eq(node::Field(binding.declarator, "name"), use);
}

bool IsLoop(TSNode n) {
  return node::Is(n, "for_statement") || node::Is(n, "for_in_statement") ||
         node::Is(n, "while_statement") || node::Is(n, "do_statement");
}

}  // namespace

std::string StatementAround(TSNode n, std::string_view source) {
  TSNode at = n;
  for (TSNode p : node::Ancestors(n)) {
    std::string_view t = node::Type(p);
    if (t.ends_with("_statement") || t.ends_with("declaration") ||
        t == "program" || t == "statement_block") {
      break;
    }
    at = p;
  }
  TSNode statement = node::Parent(at);
  if (node::Is(statement, "program") || node::Is(statement, "statement_block"))
    statement = at;
  return Quote(node::Text(statement, source));
}

namespace {

// Whether `function` is handed to `.then`, `.catch` or `.finally` of the
// promise `call` gives back (`dr.createSource(p).then((s) => ...)`, after
// other such links too): it runs once, after the call took its payload.
bool CallbackOfItsPromise(TSNode function, TSNode call,
                          std::string_view source) {
  TSNode arguments = node::Parent(function);
  if (!node::Is(arguments, "arguments")) return false;
  for (TSNode link = node::Parent(arguments);
       node::Is(link, "call_expression");) {
    TSNode callee = node::Field(link, "function");
    if (!node::Is(callee, "member_expression")) return false;
    std::string_view method =
        node::Text(node::Field(callee, "property"), source);
    if (method != "then" && method != "catch" && method != "finally")
      return false;
    link = node::Unwrap(node::Field(callee, "object"));
    if (ts_node_eq(link, call)) return true;
  }
  return false;
}

// ProvablyAfter; with `source`, code in a callback of the call's own
// promise counts as after it too.
bool After(TSNode n, TSNode call, TSNode scope, std::string_view source,
           bool promise_callbacks) {
  if (ts_node_is_null(call) || ts_node_start_byte(n) < ts_node_end_byte(call))
    return false;
  // The call must run in the scope's own activation: a createSource inside
  // a wrapper the object is passed to runs when the wrapper is called,
  // which the tool does not place in time.
  bool in_scope = false;
  for (TSNode p : node::Ancestors(call)) {
    if (ts_node_eq(p, scope)) {
      in_scope = true;
      break;
    }
    if (node::IsFunction(p) || IsLoop(p)) return false;
  }
  if (!in_scope) return false;
  for (TSNode p : node::Ancestors(n)) {
    if (ts_node_eq(p, scope)) break;
    if (node::IsFunction(p) &&
        !(promise_callbacks && CallbackOfItsPromise(p, call, source)))
      return false;
  }
  return true;
}

}  // namespace

bool ProvablyAfter(TSNode n, TSNode call, TSNode scope) {
  return After(n, call, scope, {}, false);
}

bool AfterItsCall(TSNode n, TSNode call, TSNode scope,
                  std::string_view source) {
  return After(n, call, scope, source, true);
}

void CollectPayloadUses(const TrackedBinding& tracked, const FlowNodes& flow,
                        std::string_view source,
                        std::vector<PayloadMutation>* mutations,
                        std::vector<PayloadObserver>* observers) {
  std::vector<TSNode> uses = UsesOf(tracked.binding, tracked.name, source);
  std::vector<TSNode> exits;
  for (TSNode use : uses) {
    if (flow.contains(ts_node_start_byte(use))) exits.push_back(use);
  }
  UseSorter sorter(tracked, std::move(exits), source, mutations, observers);
  for (TSNode use : uses) {
    if (flow.contains(ts_node_start_byte(use)) ||
        IsDeclaringName(use, tracked.binding)) {
      continue;
    }
    sorter.Sort(use);
  }
  ObserveUnnamedReach(tracked, source, observers);
}

}  // namespace psm
