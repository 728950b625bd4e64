#include "find/statement_paths.h"

#include <vector>

#include "common/nesting_guard.h"
#include "find/empty_values.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// How deep AlwaysLeaves, KeepsOld and SetsOnEveryPath have gone (together).
thread_local int nesting = 0;

bool SwitchLeaves(TSNode statement);

TSNode LastStatement(TSNode block) {
  TSNode last{};
  for (TSNode s : node::NamedChildren(block)) {
    if (!node::IsComment(s)) last = s;
  }
  return last;
}

TSNode BodyOf(TSNode clause) { return node::Field(clause, "body"); }

// A `switch` clause: its statements, the case's value left out.
template <typename Visit>
bool EachClauseStatement(TSNode clause, Visit visit) {
  TSNode value = node::Field(clause, "value");
  for (TSNode s : node::NamedChildren(clause)) {
    if (node::IsComment(s) || ts_node_eq(s, value)) continue;
    if (visit(s)) return true;
  }
  return false;
}

bool SwitchSets(TSNode statement, std::string_view target,
                std::string_view source, int hops) {
  TSNode body = node::Field(statement, "body");
  std::vector<TSNode> clauses = node::NamedChildren(body);
  bool has_default = false;
  bool next_sets = false;  // falling out of the last clause sets nothing
  for (size_t i = clauses.size(); i-- > 0;) {
    TSNode clause = clauses[i];
    if (node::IsComment(clause)) continue;
    has_default = has_default || node::Is(clause, "switch_default");
    int decided = 0;  // 1: sets or leaves; -1: breaks out first
    EachClauseStatement(clause, [&](TSNode s) {
      if (SetsOnEveryPath(s, target, source, hops) || AlwaysLeaves(s)) {
        decided = 1;
      } else if (ContainsJump(s)) {
        decided = -1;
      }
      return decided != 0;
    });
    bool sets = decided == 0 ? next_sets : decided == 1;
    if (!sets) return false;
    next_sets = sets;
  }
  return has_default;
}

bool TrySets(TSNode statement, std::string_view target,
             std::string_view source, int hops) {
  TSNode handler = node::Field(statement, "handler");
  TSNode finalizer = node::Field(statement, "finalizer");
  if (!ts_node_is_null(finalizer) &&
      SetsOnEveryPath(BodyOf(finalizer), target, source, hops))
    return true;
  if (!SetsOnEveryPath(node::Field(statement, "body"), target, source, hops))
    return false;
  return ts_node_is_null(handler) || AlwaysLeaves(BodyOf(handler)) ||
         SetsOnEveryPath(BodyOf(handler), target, source, hops);
}

// A `switch` with a `default` whose every clause ends by leaving, or
// falls through to one that does.
bool SwitchLeaves(TSNode statement) {
  bool has_default = false;
  bool next_leaves = false;
  std::vector<TSNode> clauses =
      node::NamedChildren(node::Field(statement, "body"));
  for (size_t i = clauses.size(); i-- > 0;) {
    TSNode clause = clauses[i];
    if (node::IsComment(clause)) continue;
    has_default = has_default || node::Is(clause, "switch_default");
    TSNode last{};
    EachClauseStatement(clause, [&](TSNode s) {
      last = s;
      return false;
    });
    bool leaves = ts_node_is_null(last) ? next_leaves : AlwaysLeaves(last);
    if (!leaves) return false;
    next_leaves = leaves;
  }
  return has_default;
}

}  // namespace

bool AlwaysLeaves(TSNode statement) {
  NestingGuard guard(nesting);
  if (guard.TooDeep()) return false;
  if (node::Is(statement, "return_statement") ||
      node::Is(statement, "throw_statement"))
    return true;
  if (node::Is(statement, "statement_block")) {
    TSNode last = LastStatement(statement);
    return !ts_node_is_null(last) && AlwaysLeaves(last);
  }
  if (node::Is(statement, "if_statement")) {
    TSNode otherwise = node::Field(statement, "alternative");
    return !ts_node_is_null(otherwise) &&
           AlwaysLeaves(node::Field(statement, "consequence")) &&
           AlwaysLeaves(ts_node_named_child(otherwise, 0));
  }
  if (node::Is(statement, "switch_statement")) return SwitchLeaves(statement);
  if (node::Is(statement, "try_statement")) {
    TSNode handler = node::Field(statement, "handler");
    TSNode finalizer = node::Field(statement, "finalizer");
    if (!ts_node_is_null(finalizer) && AlwaysLeaves(BodyOf(finalizer)))
      return true;
    return AlwaysLeaves(node::Field(statement, "body")) &&
           (ts_node_is_null(handler) || AlwaysLeaves(BodyOf(handler)));
  }
  return false;
}

bool ContainsJump(TSNode statement) {
  if (node::Is(statement, "break_statement") ||
      node::Is(statement, "continue_statement"))
    return true;
  bool jumps = false;
  ForEachDescendant(statement, false, [&](TSNode n) {
    jumps = jumps || node::Is(n, "break_statement") ||
            node::Is(n, "continue_statement");
  });
  return jumps;
}

bool KeepsOld(TSNode value, std::string_view target, std::string_view source) {
  NestingGuard guard(nesting);
  if (guard.TooDeep()) return true;
  value = node::Unwrap(value);
  if (node::Text(value, source) == target) return true;
  if (node::Is(value, "ternary_expression")) {
    return KeepsOld(node::Field(value, "consequence"), target, source) ||
           KeepsOld(node::Field(value, "alternative"), target, source);
  }
  if (!node::Is(value, "binary_expression")) return false;
  std::string_view op = node::Text(node::Field(value, "operator"), source);
  if (op != "||" && op != "??" && op != "&&") return false;
  return KeepsOld(node::Field(value, "left"), target, source) ||
         KeepsOld(node::Field(value, "right"), target, source);
}

bool SetsOnEveryPath(TSNode statement, std::string_view target,
                     std::string_view source, int hops) {
  NestingGuard guard(nesting);
  if (guard.TooDeep()) return false;
  if (node::Is(statement, "expression_statement")) {
    TSNode write = node::Unwrap(ts_node_named_child(statement, 0));
    if (!node::Is(write, "assignment_expression") ||
        node::Text(node::Field(write, "left"), source) != target)
      return false;
    TSNode value = node::Field(write, "right");
    return !MayBeEmpty(value, source, hops) && !KeepsOld(value, target, source);
  }
  if (node::Is(statement, "statement_block")) {
    for (TSNode s : node::NamedChildren(statement)) {
      if (ContainsJump(s)) return false;
      if (SetsOnEveryPath(s, target, source, hops)) return true;
    }
    return false;
  }
  if (node::Is(statement, "switch_statement"))
    return SwitchSets(statement, target, source, hops);
  if (node::Is(statement, "try_statement"))
    return TrySets(statement, target, source, hops);
  if (!node::Is(statement, "if_statement")) return false;
  TSNode otherwise = node::Field(statement, "alternative");
  if (ts_node_is_null(otherwise)) return false;
  TSNode branches[] = {node::Field(statement, "consequence"),
                       ts_node_named_child(otherwise, 0)};
  for (TSNode branch : branches) {
    if (!SetsOnEveryPath(branch, target, source, hops) && !AlwaysLeaves(branch))
      return false;
  }
  return true;
}

}  // namespace psm
