#include "migrate/session_context.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "common/strings.h"
#include "common/text_lines.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "migrate/session_meanwhile.h"
#include "syntax/node.h"
#include "syntax/value_context.h"

namespace psm {
namespace {

std::string Reason(std::string_view keyword, const std::string& expression,
                   int line) {
  std::string where = keyword == "await"
                          ? "an async function (or at the top level of an ES "
                            "module)"
                          : "a generator function";
  return "the session expression `" + expression + "` uses " +
         std::string(keyword) + ", but line " + std::to_string(line) +
         ", where it would go, is not inside " + where +
         ": set sessionId by hand";
}

// The function whose `this` code at `n` reads: the nearest enclosing one
// that is not an arrow function (the program at the top).
TSNode ThisOwner(TSNode n) {
  for (TSNode p = n; !ts_node_is_null(p); p = node::Parent(p)) {
    if (node::IsFunction(p) && !node::Is(p, "arrow_function")) return p;
    if (node::Is(p, "class_body")) return p;  // field initialisers
  }
  return ts_tree_root_node(n.tree);
}

// The class body or object literal `owner` (a ThisOwner) is a method of;
// null for any other function.
TSNode MethodHolder(TSNode owner) {
  TSNode up = node::Parent(owner);
  if (node::Is(owner, "method_definition")) return up;
  if (node::IsFunction(owner) && node::Is(up, "pair")) return node::Parent(up);
  return TSNode{};
}

// Whether `owner` is a `static` method: its `this` is the class.
bool IsStatic(TSNode owner) {
  if (!node::Is(owner, "method_definition")) return false;
  for (TSNode c : node::Children(owner)) {
    if (node::Is(c, "static")) return true;
  }
  return false;
}

// Whether `this` at `a` and at `b` is the same object: the same function,
// or two methods of one class or object literal, both static or neither
// (a Vue component's `pay()` calling `this.buildPayload()`).
bool SameThis(TSNode a, TSNode b) {
  TSNode owner_a = ThisOwner(a), owner_b = ThisOwner(b);
  if (ts_node_eq(owner_a, owner_b)) return true;
  TSNode holder = MethodHolder(owner_a);
  return !ts_node_is_null(holder) &&
         ts_node_eq(holder, MethodHolder(owner_b)) &&
         IsStatic(owner_a) == IsStatic(owner_b);
}

bool SameBinding(const Binding& a, const Binding& b) {
  return a.kind == b.kind && ts_node_eq(a.declarator, b.declarator);
}

// Whether `n` can give a name (or `this`) a meaning of its own.
bool IsScope(TSNode n) {
  std::string_view type = node::Type(n);
  return node::IsFunction(n) || type == "statement_block" ||
         type == "class_body" || type == "class" ||
         type == "class_declaration" || type == "for_statement" ||
         type == "for_in_statement" || type == "catch_clause" ||
         type == "switch_body";
}

// Whether no scope lies between the offset `at` and the deepest node that
// holds both it and the call: then every name and `this` mean the same at
// both, as they do in that node. Most payloads are built in the call or in
// the statements around it; the names are resolved only for the others
// (resolving them for every site cost a fifth of a dense run).
bool SharesEveryScope(TSNode root, uint32_t at, const ByteRange& call) {
  std::vector<TSNode> to_at = node::PathTo(root, at, at);
  std::vector<TSNode> to_call = node::PathTo(root, call.begin, call.end);
  size_t common = 0;
  while (common < to_at.size() && common < to_call.size() &&
         ts_node_eq(to_at[common], to_call[common]))
    ++common;
  auto scoped = [&](const std::vector<TSNode>& path) {
    return std::any_of(path.begin() + static_cast<std::ptrdiff_t>(common),
                       path.end(), IsScope);
  };
  return common > 0 && !scoped(to_at) && !scoped(to_call);
}

// Whether one of `names` is written in the text between `from` and `to`.
bool NamedBetween(std::string_view source, uint32_t from, uint32_t to,
                  const std::vector<std::string>& names) {
  if (from >= to) return false;
  std::string_view between = source.substr(from, to - from);
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return !WordsAt(between, n).empty();
  });
}

// Whether `binding` is declared or assigned between `from` and `to`: the
// payload built at `from` reads it before it holds what the call sees (a
// `const checkout` declared after the literal throws there).
bool SetBetween(const Binding& binding, uint32_t from, uint32_t to) {
  auto inside = [&](TSNode n) {
    uint32_t start = ts_node_start_byte(n);
    return !ts_node_is_null(n) && start > from && start < to;
  };
  bool hoisted = binding.kind == Binding::Kind::kFunction ||
                 binding.kind == Binding::Kind::kParameter ||
                 binding.kind == Binding::Kind::kImported;
  if (!hoisted && inside(binding.declarator)) return true;
  return std::any_of(binding.assignments.begin(), binding.assignments.end(),
                     inside);
}

// Whether the name `name` of `binding` is written (NameWrittenAt) between the
// offsets `from` and `to`.
bool WrittenBetween(const Binding& binding, std::string_view name,
                    TSNode root, std::string_view source, uint32_t from,
                    uint32_t to) {
  return !ts_node_is_null(WriteOfName(root, source, name, binding, from, to));
}

// Marks a name DifferentMeaning found declared or set between the two.
constexpr std::string_view kSetBetween = " (set between)";

// Why the expression's names or `this` differ at `at` (offset `from`) from
// `call` (starting at `to`); "" when they do not. `arguments` is the
// function's own, as `this` is.
std::string DifferentMeaning(TSNode at, TSNode call, std::string_view source,
                             const ExpressionNeeds& needs, uint32_t from,
                             uint32_t to) {
  for (const std::string& name : needs.names) {
    if (name == "arguments") {
      if (!ts_node_eq(ThisOwner(at), ThisOwner(call))) return "`arguments`";
      continue;
    }
    Binding there = ResolveName(name, at, source);
    if (!SameBinding(there, ResolveName(name, call, source)))
      return Quote(name);
    if (SetBetween(there, from, to) ||
        WrittenBetween(there, name, ts_tree_root_node(at.tree), source, from,
                       to))
      return Quote(name) + std::string(kSetBetween);
  }
  if (needs.reads_this && !SameThis(at, call)) return "`this`";
  return "";
}

void Refuse(SitePlan* plan, std::string reason) {
  plan->status = SiteStatus::kNeedsReview;
  plan->removed.clear();
  plan->added_session_id = false;
  plan->session_at.clear();
  plan->ledger.clear();
  plan->edits = EditSet();
  plan->reasons.push_back(std::move(reason));
}

// Refuses the plan for what DifferentMeaning found: a name of the session
// expression at `at` that is not what it is at the call.
void RefuseDifferentMeaning(SitePlan* plan, std::string what,
                            const SessionSpan& span, const CallSite& site,
                            const LineIndex& lines,
                            const PlanOptions& options) {
  std::string line = std::to_string(lines.Line(span.at));
  std::string call_line = std::to_string(lines.Line(site.call.begin));
  std::string prefix = " in the session expression `" + options.session_id;
  if (what.ends_with(kSetBetween)) {
    what.resize(what.size() - kSetBetween.size());
    Refuse(plan,
           what + prefix + "` is declared or set after line " + line +
               ", where sessionId would go, and " +
               (span.deferred
                    ? "the call (line " + call_line +
                          ") is in a function that may run after that"
                : span.looped ? "the call (line " + call_line +
                                    ") repeats in a loop that sets it"
                              : "before the call (line " + call_line + ")") +
               ": set sessionId by hand");
    return;
  }
  Refuse(plan, what + prefix + "` means something else at line " + line +
                   ", where sessionId would go, than at the call (line " +
                   call_line + "): set sessionId by hand");
}

}  // namespace

void RefuseOtherBindings(SitePlan* plan, const CallSite& site, TSNode root,
                         std::string_view source, const LineIndex& lines,
                         const PlanOptions& options) {
  const ExpressionNeeds& needs = options.session_needs;
  if ((needs.names.empty() && !needs.reads_this) || plan->session_at.empty())
    return;
  // A builder linked from callers in other files has no call here: what
  // the expression means there is the user's choice for the builder's file
  // (a `sessionIds` entry may name the builder's `this` or parameter).
  TSNode call =
      ts_node_descendant_for_byte_range(root, site.call.begin, site.call.end);
  if (!node::Is(call, "call_expression") && !node::Is(call, "new_expression"))
    return;
  for (uint32_t at : plan->session_at) {
    // A call in a function that runs later may come after any write that
    // follows the payload: every one counts.
    SessionSpan span = SpanOf(call, at);
    if (!SharesEveryScope(root, at, site.call) ||
        NamedBetween(source, at, span.until, needs.names)) {
      TSNode there = ts_node_descendant_for_byte_range(root, at, at);
      std::string what =
          DifferentMeaning(there, call, source, needs, at,
                           span.deferred ? UINT32_MAX : span.until);
      if (!what.empty())
        return RefuseDifferentMeaning(plan, what, span, site, lines, options);
    }
    std::string meanwhile =
        SessionChangedMeanwhile(root, call, span, source, needs, lines);
    if (meanwhile.empty()) continue;
    Refuse(plan, "the session expression `" + options.session_id +
                     "` may read something else at the call (line " +
                     std::to_string(lines.Line(site.call.begin)) +
                     ") than at line " + std::to_string(lines.Line(at)) +
                     ", where sessionId would go: " + meanwhile +
                     ": set sessionId by hand");
    return;
  }
}

void RefuseOutOfContext(SitePlan* plan, TSNode root, const LineIndex& lines,
                        const PlanOptions& options) {
  if (!options.session_needs.any() || plan->edits.empty()) return;
  for (uint32_t at : plan->session_at) {
    std::string_view keyword = Disallowed(root, at, options.session_needs);
    if (keyword.empty()) continue;
    Refuse(plan, Reason(keyword, options.session_id, lines.Line(at)));
    return;
  }
}

}  // namespace psm
