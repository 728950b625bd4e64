#include "migrate/session_meanwhile.h"

#include <algorithm>
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

// Which writes of the session expression's names count: those of a
// function other than `own` (the call's) and `also_not`; with
// `before_an_await`, only those a plain call of the writer makes before it
// returns (`checkout = await api.get()` happens after `refresh()` has
// returned, and after the createSource call that follows it).
struct WriteFilter {
  TSNode own;
  TSNode also_not;
  bool before_an_await = false;
  std::string_view source;

  bool Counts(TSNode write, TSNode writer) const {
    if (ts_node_is_null(writer) || ts_node_eq(writer, own) ||
        ts_node_eq(writer, also_not))
      return false;
    return !before_an_await || !AfterAnAwait(write, writer);
  }

 private:
  // Whether the function `writer` awaits before `write` is done: an await
  // of its own starts before the end of the expression holding `write`.
  bool AfterAnAwait(TSNode write, TSNode writer) const {
    TSNode top = write;
    for (TSNode p = node::Parent(top);
         !ts_node_is_null(p) && !node::Is(p, "expression_statement") &&
         !node::Is(p, "statement_block") && !node::IsFunction(p);
         p = node::Parent(p))
      top = p;
    // `write` stands for the call: an await around it counts too.
    return !ts_node_is_null(SuspensionBetween(
        ts_tree_root_node(write.tree), write, /*looped=*/true, source,
        ts_node_start_byte(writer), ts_node_end_byte(top), "await",
        "await_expression"));
  }
};

// An occurrence of `name` meaning `binding` that a function the filter
// counts writes: `function refresh() { checkout = next }`.
TSNode WrittenByAnotherFunction(TSNode root, std::string_view source,
                                const std::string& name,
                                const Binding& binding,
                                const WriteFilter& filter) {
  return WriteOfName(root, source, name, binding, 0,
                     static_cast<uint32_t>(source.size()),
                     [&](TSNode n) { return filter.Counts(n, FunctionOf(n)); });
}

bool IsConstructor(TSNode function, std::string_view source) {
  return node::Is(function, "method_definition") &&
         node::Text(node::Field(function, "name"), source) == "constructor";
}

// A `this.<member>` (`member` of the session expression) that a function
// the filter counts writes: `this.checkout = next` in another method, or
// `Object.assign(this, ...)`, which may set any member. A constructor's
// writes are not counted: it does not run again on the same instance.
TSNode ThisMemberWrittenByAnotherFunction(TSNode root, std::string_view source,
                                          const std::string& member,
                                          const WriteFilter& filter) {
  auto counts = [&](TSNode write) {
    TSNode writer = FunctionOf(write);
    return filter.Counts(write, writer) && !IsConstructor(writer, source);
  };
  for (size_t at : WordsAt(source, member)) {
    auto begin = static_cast<uint32_t>(at);
    TSNode n = ts_node_descendant_for_byte_range(
        root, begin, begin + static_cast<uint32_t>(member.size()));
    TSNode m = node::Parent(n);
    if (node::Is(m, "member_expression") &&
        node::Is(node::Field(m, "object"), "this") &&
        ts_node_eq(node::Field(m, "property"), n) && counts(m) &&
        NameWrittenAt(m, source))
      return m;
  }
  for (size_t at : WordsAt(source, "Object")) {
    auto begin = static_cast<uint32_t>(at);
    TSNode n = ts_node_descendant_for_byte_range(root, begin, begin + 6);
    TSNode callee = node::Parent(n);
    TSNode call = node::Parent(callee);
    if (!node::Is(call, "call_expression") ||
        node::Text(callee, source) != "Object.assign")
      continue;
    std::vector<TSNode> args = node::Arguments(call);
    if (!args.empty() && node::Is(node::Unwrap(args[0]), "this") &&
        counts(call))
      return call;
  }
  return TSNode{};
}

// A write of one of the session expression's names (`there`: where it
// runs) that `filter` counts, and the name as shown.
struct FoundWrite {
  TSNode write{};
  std::string what;
};

FoundWrite FindWrite(TSNode root, std::string_view source,
                     const ExpressionNeeds& needs, TSNode there,
                     const WriteFilter& filter) {
  for (const std::string& name : needs.names) {
    if (name == "arguments") continue;  // the function's own
    TSNode w = WrittenByAnotherFunction(
        root, source, name, ResolveName(name, there, source), filter);
    if (!ts_node_is_null(w)) return {w, Quote(name)};
  }
  for (const std::string& member : needs.this_members) {
    TSNode w = ThisMemberWrittenByAnotherFunction(root, source, member, filter);
    if (!ts_node_is_null(w)) return {w, Quote("this." + member)};
  }
  return {};
}

}  // namespace

TSNode WriteOfName(TSNode root, std::string_view source, std::string_view name,
                   const Binding& binding, uint32_t from, uint32_t to,
                   const std::function<bool(TSNode)>& counts) {
  if (from >= source.size() || to <= from) return TSNode{};
  std::string_view within =
      source.substr(from, std::min<size_t>(to, source.size()) - from);
  for (size_t offset : WordsAt(within, name)) {
    auto at = static_cast<uint32_t>(from + offset);
    TSNode n = ts_node_descendant_for_byte_range(
        root, at, at + static_cast<uint32_t>(name.size()));
    if (!node::Is(n, "identifier") &&
        !node::Is(n, "shorthand_property_identifier_pattern"))
      continue;
    if ((counts && !counts(n)) || !NameWrittenAt(n, source)) continue;
    Binding there = ResolveName(name, n, source);
    if (there.kind == binding.kind &&
        ts_node_eq(there.declarator, binding.declarator))
      return n;
  }
  return TSNode{};
}

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
  TSNode there = ts_node_descendant_for_byte_range(root, at, at);
  // A deferred call's writes in the payload's own function are
  // WrittenBetween's.
  WriteFilter any{FunctionOf(call), deferred ? FunctionOf(there) : TSNode{},
                  false, source};
  // Only what the file shows being written counts: a global no code of
  // the file sets is the page's, and stays put for all the tool can see.
  FoundWrite found = FindWrite(root, source, needs, there, any);
  if (ts_node_is_null(found.write)) return "";
  auto writer = [&](const FoundWrite& f) {
    return "the function that writes " + f.what + " at line " +
           LineOf(lines, f.write);
  };
  if (deferred) return "the call runs later, maybe after " + writer(found);
  for (auto [keyword, type] :
       {std::pair<std::string_view, std::string_view>{"await",
                                                      "await_expression"},
        {"yield", "yield_expression"}}) {
    TSNode e = SuspensionBetween(root, call, span.looped, source, at, to,
                                 keyword, type);
    if (!ts_node_is_null(e))
      return "`" + std::string(keyword) + "` at line " + LineOf(lines, e) +
             " lets other code run first, such as " + writer(found);
  }
  TSNode c = CallBetween(root, call, span.looped, source, at, to);
  if (ts_node_is_null(c)) return "";
  WriteFilter sync = any;
  sync.before_an_await = true;
  FoundWrite now = FindWrite(root, source, needs, there, sync);
  if (ts_node_is_null(now.write)) return "";
  return "the call at line " + LineOf(lines, c) + " may run " + writer(now);
}

}  // namespace psm
