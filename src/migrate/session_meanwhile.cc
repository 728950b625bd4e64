#include "migrate/session_meanwhile.h"

#include <string>
#include <vector>

#include "common/strings.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The nearest function around `n`; null at the top level.
TSNode FunctionOf(TSNode n) {
  for (TSNode p = node::Parent(n); !ts_node_is_null(p); p = node::Parent(p)) {
    if (node::IsFunction(p)) return p;
  }
  return TSNode{};
}

bool SameFunction(TSNode a, TSNode b) {
  TSNode fa = FunctionOf(a), fb = FunctionOf(b);
  if (ts_node_is_null(fa) || ts_node_is_null(fb))
    return ts_node_is_null(fa) && ts_node_is_null(fb);
  return ts_node_eq(fa, fb);
}

bool IsLoop(TSNode n) {
  return node::Is(n, "for_statement") || node::Is(n, "for_in_statement") ||
         node::Is(n, "while_statement") || node::Is(n, "do_statement");
}

bool Holds(TSNode outer, TSNode inner) {
  return !ts_node_is_null(outer) && !ts_node_is_null(inner) &&
         node::Range(outer).Contains(node::Range(inner));
}

std::string LineOf(const LineIndex& lines, TSNode n) {
  return std::to_string(lines.Line(ts_node_start_byte(n)));
}

// The first `await` (or `yield`) expression from `from` to `to` that
// suspends the function of `call` itself before the call: not one of a
// callback defined there, nor the one around the call (`await
// dr.createSource(payload)`) unless the call repeats in a loop.
TSNode SuspensionBetween(TSNode root, TSNode call, bool looped,
                         std::string_view source, uint32_t from, uint32_t to,
                         std::string_view keyword, std::string_view type) {
  std::string_view between = source.substr(from, to - from);
  for (size_t offset : WordsAt(between, keyword)) {
    auto at = static_cast<uint32_t>(from + offset);
    TSNode n = ts_node_descendant_for_byte_range(
        root, at, at + static_cast<uint32_t>(keyword.size()));
    TSNode e = node::Is(n, type) ? n : node::Parent(n);
    if (!node::Is(e, type) || ts_node_start_byte(e) != at) continue;
    if ((!looped && Holds(e, call)) || !SameFunction(e, call)) continue;
    return e;
  }
  return TSNode{};
}

// Whether the call `c` is one of the console's or Math's, which run no
// function of the file (`console.log('paying')` before the call).
bool RunsNoCodeOfTheFile(TSNode c, std::string_view source) {
  TSNode callee = node::Field(c, "function");
  if (!node::Is(callee, "member_expression")) return false;
  std::string_view object = node::Text(node::Field(callee, "object"), source);
  return object == "console" || object == "Math";
}

// The first call or `new` from `from` to `to` that runs in the function of
// `call`, before it: `refresh()` runs whatever it calls.
TSNode CallBetween(TSNode root, TSNode call, bool looped,
                   std::string_view source, uint32_t from, uint32_t to) {
  std::string_view between = source.substr(from, to - from);
  for (size_t i = between.find('('); i != std::string_view::npos;
       i = between.find('(', i + 1)) {
    auto at = static_cast<uint32_t>(from + i);
    TSNode args = node::Parent(ts_node_descendant_for_byte_range(root, at, at + 1));
    if (!node::Is(args, "arguments")) continue;
    TSNode c = node::Parent(args);
    if (!node::Is(c, "call_expression") && !node::Is(c, "new_expression"))
      continue;
    if ((!looped && Holds(c, call)) || ts_node_eq(c, call) ||
        !SameFunction(c, call))
      continue;
    if (RunsNoCodeOfTheFile(c, source)) continue;
    return c;
  }
  return TSNode{};
}

// An occurrence of `name` meaning `binding` that a function other than
// `own` and `also_not` writes (NameWrittenAt): `function refresh() {
// checkout = next }`.
TSNode WrittenByAnotherFunction(TSNode root, std::string_view source,
                                const std::string& name,
                                const Binding& binding, TSNode own,
                                TSNode also_not) {
  for (size_t at : WordsAt(source, name)) {
    auto begin = static_cast<uint32_t>(at);
    TSNode n = ts_node_descendant_for_byte_range(
        root, begin, begin + static_cast<uint32_t>(name.size()));
    if (!node::Is(n, "identifier") &&
        !node::Is(n, "shorthand_property_identifier_pattern"))
      continue;
    TSNode writer = FunctionOf(n);
    if (ts_node_is_null(writer) || ts_node_eq(writer, own) ||
        ts_node_eq(writer, also_not))
      continue;
    if (!NameWrittenAt(n, source)) continue;
    Binding there = ResolveName(name, n, source);
    if (there.kind == binding.kind &&
        ts_node_eq(there.declarator, binding.declarator))
      return n;
  }
  return TSNode{};
}

// A `this.<member>` (`member` of the session expression) that a function
// other than `own` and `also_not` writes: `this.checkout = next` in
// another method.
TSNode ThisMemberWrittenByAnotherFunction(TSNode root, std::string_view source,
                                          const std::string& member,
                                          TSNode own, TSNode also_not) {
  for (size_t at : WordsAt(source, member)) {
    auto begin = static_cast<uint32_t>(at);
    TSNode n = ts_node_descendant_for_byte_range(
        root, begin, begin + static_cast<uint32_t>(member.size()));
    TSNode m = node::Parent(n);
    if (!node::Is(m, "member_expression") ||
        !node::Is(node::Field(m, "object"), "this") ||
        !ts_node_eq(node::Field(m, "property"), n))
      continue;
    TSNode writer = FunctionOf(m);
    if (ts_node_is_null(writer) || ts_node_eq(writer, own) ||
        ts_node_eq(writer, also_not))
      continue;
    if (NameWrittenAt(m, source)) return m;
  }
  return TSNode{};
}

}  // namespace

bool NameWrittenAt(TSNode n, std::string_view source) {
  TSNode at = n;
  TSNode parent = node::Parent(at);
  // Through a pattern to what it is assigned by.
  while (node::IsPatternPart(parent) &&
         !((node::Is(parent, "assignment_pattern") ||
            node::Is(parent, "object_assignment_pattern")) &&
           ts_node_eq(node::Field(parent, "right"), at))) {
    at = parent;
    parent = node::Parent(at);
  }
  // Down a member chain from the name (`checkout.payment.session`).
  bool member = false;
  while ((node::Is(parent, "member_expression") ||
          node::Is(parent, "subscript_expression")) &&
         ts_node_eq(node::Field(parent, "object"), at)) {
    at = parent;
    parent = node::Parent(at);
    member = true;
  }
  if ((node::Is(parent, "assignment_expression") ||
       node::Is(parent, "augmented_assignment_expression") ||
       node::Is(parent, "for_in_statement")) &&
      ts_node_eq(node::Field(parent, "left"), at))
    return true;
  if (node::Is(parent, "update_expression")) return true;
  if (member && node::Is(parent, "unary_expression") &&
      node::Text(node::Field(parent, "operator"), source) == "delete")
    return true;
  // `Object.assign(checkout, ...)`: its first argument.
  if (node::Is(parent, "arguments") &&
      ts_node_eq(ts_node_named_child(parent, 0), at)) {
    TSNode call = node::Parent(parent);
    return node::Text(node::Field(call, "function"), source) ==
           "Object.assign";
  }
  return false;
}

SessionSpan SpanOf(TSNode call, uint32_t at) {
  SessionSpan span{at, ts_node_start_byte(call), false, false};
  for (TSNode p = node::Parent(call); !ts_node_is_null(p);
       p = node::Parent(p)) {
    if (node::IsFunction(p)) {
      span.deferred = !node::Range(p).Contains({at, at});
      break;
    }
    if (IsLoop(p) && !node::Range(p).Contains({at, at}) &&
        ts_node_start_byte(p) >= at) {
      span.looped = true;
      span.until = ts_node_end_byte(p);
    }
  }
  return span;
}

std::string SessionChangedMeanwhile(TSNode root, TSNode call,
                                    const SessionSpan& span,
                                    std::string_view source,
                                    const ExpressionNeeds& needs,
                                    const LineIndex& lines) {
  uint32_t at = span.at, to = span.until;
  bool deferred = span.deferred;
  if (to > source.size() || (!deferred && at >= to)) return "";
  TSNode own = FunctionOf(call);
  TSNode there = ts_node_descendant_for_byte_range(root, at, at);
  // A deferred call's writes in the payload's own function are
  // WrittenBetween's.
  TSNode also_not = deferred ? FunctionOf(there) : TSNode{};
  // Only what the file shows being written counts: a global no code of
  // the file sets is the page's, and stays put for all the tool can see.
  TSNode write{};
  std::string written;
  for (const std::string& name : needs.names) {
    if (name == "arguments") continue;  // the function's own
    write = WrittenByAnotherFunction(root, source, name,
                                     ResolveName(name, there, source), own,
                                     also_not);
    if (!ts_node_is_null(write)) {
      written = Quote(name);
      break;
    }
  }
  for (size_t i = 0; ts_node_is_null(write) && i < needs.this_members.size();
       ++i) {
    write = ThisMemberWrittenByAnotherFunction(
        root, source, needs.this_members[i], own, also_not);
    written = Quote("this." + needs.this_members[i]);
  }
  if (ts_node_is_null(write)) return "";
  std::string writer = "the function that writes " + written + " at line " +
                       LineOf(lines, write);
  if (deferred) return "the call runs later, maybe after " + writer;
  for (auto [keyword, type] :
       {std::pair<std::string_view, std::string_view>{"await",
                                                      "await_expression"},
        {"yield", "yield_expression"}}) {
    TSNode e = SuspensionBetween(root, call, span.looped, source, at, to,
                                 keyword, type);
    if (!ts_node_is_null(e))
      return "`" + std::string(keyword) + "` at line " + LineOf(lines, e) +
             " lets other code run first, such as " + writer;
  }
  TSNode c = CallBetween(root, call, span.looped, source, at, to);
  if (!ts_node_is_null(c))
    return "the call at line " + LineOf(lines, c) + " may run " + writer;
  return "";
}

}  // namespace psm
