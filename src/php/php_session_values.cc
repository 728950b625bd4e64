#include "php/php_session_values.h"

#include "common/nesting_guard.h"
#include "php/php_empty_values.h"
#include "php/php_file_index.h"
#include "php/php_syntax.h"
#include "php/php_variable_uses.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

constexpr int kMaxHops = 4;
// Values looked at per question from outside: names that each name several
// others would otherwise multiply (a tangle too large counts as empty).
constexpr int kMaxSteps = 256;
thread_local int steps = 0;
thread_local int nesting = 0;  // of AlwaysLeaves and SetsOnEveryPath


bool IsThrow(TSNode statement) {
  return node::Is(statement, "expression_statement") &&
         node::Is(ts_node_named_child(statement, 0), "throw_expression");
}

TSNode LastStatement(TSNode block) {
  TSNode last{};
  for (TSNode s : node::NamedChildren(block)) {
    if (!node::Is(s, "comment")) last = s;
  }
  return last;
}

bool SwitchSetsOnEveryPath(TSNode statement, std::string_view name,
                           const ValueContext& ctx, int hops);
bool UnguardedMayBeEmpty(std::string_view name, TSNode read,
                         const ValueContext& ctx, int hops);

// Whether every path through `statement` ends in `return` or `throw`.
bool AlwaysLeaves(TSNode statement) {
  NestingGuard guard(nesting);
  if (guard.TooDeep()) return false;
  if (node::Is(statement, "return_statement") || IsThrow(statement))
    return true;
  if (node::Is(statement, "compound_statement")) {
    TSNode last = LastStatement(statement);
    return !ts_node_is_null(last) && AlwaysLeaves(last);
  }
  if (!node::Is(statement, "if_statement")) return false;
  bool has_else = false;
  if (!AlwaysLeaves(node::Field(statement, "body"))) return false;
  for (TSNode alt : node::NamedChildren(statement)) {
    if (node::Is(alt, "else_if_clause") || node::Is(alt, "else_clause")) {
      has_else = has_else || node::Is(alt, "else_clause");
      if (!AlwaysLeaves(node::Field(alt, "body"))) return false;
    }
  }
  return has_else;
}

// `$sid = ...;` setting `$name` a value on every path through `statement`,
// or an `if` whose every branch (with an `else`) does or leaves.
bool SetsOnEveryPath(TSNode statement, std::string_view name,
                     const ValueContext& ctx, int hops) {
  NestingGuard guard(nesting);
  if (guard.TooDeep()) return false;
  if (node::Is(statement, "expression_statement")) {
    TSNode write = ts_node_named_child(statement, 0);
    return node::Is(write, "assignment_expression") &&
           node::Is(node::Field(write, "left"), "variable_name") &&
           VariableName(node::Field(write, "left"), ctx.source) == name &&
           !SessionValueMayBeEmpty(node::Field(write, "right"), ctx, hops);
  }
  if (node::Is(statement, "compound_statement")) {
    for (TSNode s : node::NamedChildren(statement)) {
      if (SetsOnEveryPath(s, name, ctx, hops)) return true;
    }
    return false;
  }
  if (node::Is(statement, "switch_statement"))
    return SwitchSetsOnEveryPath(statement, name, ctx, hops);
  if (node::Is(statement, "try_statement")) {
    // The body sets it; a `catch` that goes on must set it too.
    if (!SetsOnEveryPath(node::Field(statement, "body"), name, ctx, hops))
      return false;
    for (TSNode clause : node::NamedChildren(statement)) {
      if (!node::Is(clause, "catch_clause")) continue;
      TSNode body = node::Field(clause, "body");
      if (!SetsOnEveryPath(body, name, ctx, hops) && !AlwaysLeaves(body))
        return false;
    }
    return true;
  }
  if (!node::Is(statement, "if_statement")) return false;
  auto branch_sets = [&](TSNode body) {
    return SetsOnEveryPath(body, name, ctx, hops) || AlwaysLeaves(body);
  };
  if (!branch_sets(node::Field(statement, "body"))) return false;
  bool has_else = false;
  for (TSNode alt : node::NamedChildren(statement)) {
    if (!node::Is(alt, "else_if_clause") && !node::Is(alt, "else_clause"))
      continue;
    has_else = has_else || node::Is(alt, "else_clause");
    if (!branch_sets(node::Field(alt, "body"))) return false;
  }
  return has_else;
}

// A `switch` with a `default` whose every case (a case without statements
// falls through to the next) sets `$name` or leaves the function.
bool SwitchSetsOnEveryPath(TSNode statement, std::string_view name,
                           const ValueContext& ctx, int hops) {
  bool has_default = false;
  for (TSNode branch : node::NamedChildren(node::Field(statement, "body"))) {
    bool is_default = node::Is(branch, "default_statement");
    if (!is_default && !node::Is(branch, "case_statement")) continue;
    has_default = has_default || is_default;
    TSNode value = node::Field(branch, "value");
    bool sets = false, leaves = false, empty = true;
    for (TSNode s : node::NamedChildren(branch)) {
      if (ts_node_eq(s, value) || node::Is(s, "comment")) continue;
      empty = false;
      if (node::Is(s, "break_statement")) break;
      sets = sets || SetsOnEveryPath(s, name, ctx, hops);
      leaves = leaves || AlwaysLeaves(s);
    }
    if (!empty && !sets && !leaves) return false;
  }
  return has_default;
}

// Whether `condition` is true whenever `$name` is empty: `!$sid`,
// `empty($sid)`, `is_null($sid)`, `!isset($sid)`, `$sid === null` (or
// `''`, `false`, with `==`), or such a test among `||` alternatives.
bool TestsEmpty(TSNode condition, std::string_view name,
                std::string_view source) {
  TSNode c = Unparen(condition);
  auto is_name = [&](TSNode n) {
    n = Unparen(n);
    return node::Is(n, "variable_name") && VariableName(n, source) == name;
  };
  auto call_of = [&](TSNode n, std::string_view function) {
    n = Unparen(n);
    if (!node::Is(n, "function_call_expression") ||
        node::Text(node::Field(n, "function"), source) != function)
      return false;
    std::vector<TSNode> arguments =
        node::NamedChildren(node::Field(n, "arguments"));
    return arguments.size() == 1 &&
           is_name(ts_node_named_child(arguments[0], 0));
  };
  std::string_view type = node::Type(c);
  if (type == "unary_op_expression") {
    TSNode argument = node::Field(c, "argument");
    return node::Text(c, source).starts_with("!") &&
           (is_name(argument) || call_of(argument, "isset"));
  }
  if (call_of(c, "empty") || call_of(c, "is_null")) return true;
  if (type != "binary_expression") return false;
  std::string_view op = node::Text(node::Field(c, "operator"), source);
  TSNode left = node::Field(c, "left"), right = node::Field(c, "right");
  if (op == "||" || op == "or")
    return TestsEmpty(left, name, source) || TestsEmpty(right, name, source);
  if (op != "===" && op != "==") return false;
  auto none = [&](TSNode n) { return IsEmptyValue(Unparen(n), source); };
  return (is_name(left) && none(right)) || (is_name(right) && none(left));
}

// `if (!$sid) { throw ...; }` before the read, in a block around it, with
// no write of `$sid` between: past it, `$sid` holds a value.
bool GuardedBefore(std::string_view name, TSNode read,
                   const ValueContext& ctx) {
  uint32_t guard_end = 0;
  for (TSNode up = node::Parent(read); !ts_node_is_null(up) && !guard_end;
       up = node::Parent(up)) {
    if (!node::Is(up, "compound_statement") && !node::Is(up, "program"))
      continue;
    for (TSNode s : node::NamedChildren(up)) {
      if (ts_node_end_byte(s) > ts_node_start_byte(read)) break;
      bool has_else = false;
      for (TSNode alt : node::NamedChildren(s))
        has_else = has_else || node::Is(alt, "else_if_clause") ||
                   node::Is(alt, "else_clause");
      if (node::Is(s, "if_statement") && !has_else &&
          AlwaysLeaves(node::Field(s, "body")) &&
          TestsEmpty(node::Field(s, "condition"), name, ctx.source))
        guard_end = ts_node_end_byte(s);
    }
    if (ts_node_eq(up, node::Field(ctx.scope, "body"))) break;
  }
  if (!guard_end) return false;
  for (const VariableUse& use : FindUses(ctx.scope, name, {}, ctx.source)) {
    uint32_t at = ts_node_start_byte(use.node);
    bool between = at > guard_end && at < ts_node_start_byte(read);
    if (between && (use.kind == VariableUse::Kind::kAssign ||
                    use.kind == VariableUse::Kind::kOpaque))
      return false;
  }
  return true;
}

bool VariableMayBeEmpty(std::string_view name, TSNode read,
                        const ValueContext& ctx, int hops) {
  return UnguardedMayBeEmpty(name, read, ctx, hops) &&
         !GuardedBefore(name, read, ctx);
}

bool UnguardedMayBeEmpty(std::string_view name, TSNode read,
                         const ValueContext& ctx, int hops) {
  if (name == "this") return false;
  bool set_before = IsParameterOf(name, ctx);
  for (const VariableUse& use : FindUses(ctx.scope, name, {}, ctx.source)) {
    if (use.kind == VariableUse::Kind::kOpaque) return true;
    if (use.in_closure) return false;
    if (use.kind != VariableUse::Kind::kAssign || !use.inside.empty())
      continue;
    // An assignment the use search found no statement around (broken
    // code, `$sid = ...` inside an expression the tree could not place):
    // where it runs cannot be told, so it may empty the value.
    if (ts_node_is_null(use.statement)) return true;
    if (ts_node_start_byte(use.statement) > ts_node_end_byte(read))
      continue;  // after the array took the value
    if (SessionValueMayBeEmpty(use.value, ctx, hops)) return true;
    TSNode block = node::Parent(use.statement);
    set_before = set_before ||
                 (ts_node_end_byte(use.statement) <= ts_node_start_byte(read) &&
                  node::Range(block).Contains(node::Range(read)));
  }
  if (set_before) return false;
  // `if ($c) { $sid = a; } else { $sid = b; }` before the read.
  for (TSNode up = node::Parent(read); !ts_node_is_null(up);
       up = node::Parent(up)) {
    if (!node::Is(up, "compound_statement") && !node::Is(up, "program"))
      continue;
    for (TSNode s : node::NamedChildren(up)) {
      if (ts_node_end_byte(s) > ts_node_start_byte(read)) break;
      if (SetsOnEveryPath(s, name, ctx, hops)) return false;
    }
    if (ts_node_eq(up, node::Field(ctx.scope, "body"))) break;
  }
  return true;
}

// A call of a function or method of the file that returns nothing, or an
// empty value, on some path.
bool ReturnsEmpty(TSNode call, const ValueContext& ctx, int hops) {
  const FunctionInfo* callee = ctx.index ? ctx.index->Callee(call) : nullptr;
  if (!callee) return false;
  TSNode body = node::Field(callee->node, "body");
  if (!node::Is(body, "compound_statement")) return false;
  if (!AlwaysLeaves(body)) return true;  // may fall off the end: null
  ValueContext inner = ctx;
  inner.scope = callee->node;
  inner.bound.clear();
  bool empty = false;
  std::vector<TSNode> todo = {body};
  while (!todo.empty() && !empty) {
    TSNode n = todo.back();
    todo.pop_back();
    if (node::Is(n, "return_statement")) {
      TSNode value = ts_node_named_child(n, 0);
      empty = ts_node_is_null(value) ||
              SessionValueMayBeEmpty(value, inner, hops);
      continue;
    }
    if (IsFunction(n) || node::Is(n, "anonymous_function") ||
        node::Is(n, "arrow_function"))
      continue;
    for (TSNode child : node::NamedChildren(n)) todo.push_back(child);
  }
  return empty;
}

}  // namespace

bool SessionValueMayBeEmpty(TSNode value, const ValueContext& ctx, int hops) {
  if (hops == 0) steps = 0;
  if (++steps > kMaxSteps) return true;
  TSNode inner = Unparen(value);
  if (ts_node_is_null(inner)) return false;
  if (IsEmptyValue(inner, ctx.source) || EmptyAtTimes(inner, ctx.source))
    return true;
  std::string_view type = node::Type(inner);
  if (type == "nullsafe_member_access_expression" ||
      type == "nullsafe_member_call_expression")
    return true;  // `$quote->getSession()?->getId()`: null when a link is
  if (hops >= kMaxHops) return false;
  if (type == "variable_name")
    return VariableMayBeEmpty(VariableName(inner, ctx.source), inner, ctx,
                              hops + 1);
  if (IsCall(inner)) return ReturnsEmpty(inner, ctx, hops + 1);
  return false;
}

}  // namespace psm::php
