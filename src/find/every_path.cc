#include "find/every_path.h"

#include <algorithm>

#include "find/empty_values.h"
#include "find/statement_paths.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The statement a write is evaluated in, whatever the value it is part
// of (`log(), p.x = 1;`, `const t = (p.x = 1);`, `await (p.x = f())`); null
// when something may skip it (`c && (p.x = 1)`, a ternary, an argument).
TSNode StatementEvaluating(TSNode write) {
  TSNode up = node::Parent(write);
  while (node::Is(up, "parenthesized_expression") ||
         node::Is(up, "sequence_expression") ||
         node::Is(up, "await_expression") || node::Is(up, "unary_expression") ||
         node::Is(up, "variable_declarator")) {
    up = node::Parent(up);
  }
  if (node::Is(up, "expression_statement") ||
      node::Is(up, "lexical_declaration") ||
      node::Is(up, "variable_declaration"))
    return up;
  return TSNode{};
}

// Whether a write evaluated by `statement` runs before `exit` (where the
// payload is handed on: the call's argument, a `return`) whenever the exit
// is reached: the statement belongs to a block (or switch case) that holds
// the exit, after it; between them only functions made there after the
// write (a callback, `.then(() => ...)`), never one declared (hoisted) or a
// method.
bool RunsBefore(TSNode statement, TSNode exit) {
  if (ts_node_end_byte(statement) > ts_node_start_byte(exit)) return false;
  TSNode block = node::Parent(statement);
  // A bare block or a labelled one runs where it stands.
  auto runs_where_it_stands = [](TSNode b) {
    std::string_view parent = node::Type(node::Parent(b));
    return (node::Is(b, "statement_block") &&
            (parent == "statement_block" || parent == "program" ||
             parent == "labeled_statement")) ||
           node::Is(b, "labeled_statement");
  };
  while (runs_where_it_stands(block)) block = node::Parent(block);
  if (!node::Is(block, "statement_block") && !node::Is(block, "program") &&
      !node::Is(block, "switch_case") && !node::Is(block, "switch_default"))
    return false;
  for (TSNode p : node::Ancestors(exit)) {
    if (ts_node_eq(p, block)) return true;
    if (node::IsFunction(p) && !node::Is(p, "arrow_function") &&
        !node::Is(p, "function_expression") && !node::Is(p, "function"))
      return false;
  }
  return false;
}

}  // namespace

namespace {

// The `if`, `switch` or `try` around `statement` (through its blocks and
// clauses) when that statement writes `target` on every path through it
// (SetsOnEveryPath: every branch, every clause with a `default`, the
// `try` and its `catch`): past it, the target is set. Null otherwise.
TSNode EnclosingSetter(TSNode statement, std::string_view target,
                       std::string_view source) {
  TSNode up = node::Parent(statement);
  while (node::Is(up, "statement_block") || node::Is(up, "else_clause") ||
         node::Is(up, "switch_case") || node::Is(up, "switch_default") ||
         node::Is(up, "switch_body") || node::Is(up, "catch_clause") ||
         node::Is(up, "finally_clause"))
    up = node::Parent(up);
  bool compound = node::Is(up, "if_statement") ||
                  node::Is(up, "switch_statement") ||
                  node::Is(up, "try_statement");
  return compound && SetsOnEveryPath(up, target, source) ? up : TSNode{};
}

}  // namespace

bool AlwaysBefore(TSNode n, const std::vector<TSNode>& exits,
                  std::string_view source) {
  TSNode statement = StatementEvaluating(n);
  if (ts_node_is_null(statement) || exits.empty()) return false;
  std::string_view op = node::Text(node::Field(n, "operator"), source);
  bool sets = node::Is(n, "assignment_expression") ||
              (node::Is(n, "augmented_assignment_expression") &&
               (op == "||=" || op == "??="));  // set when it is not yet
  if (sets) {
    // `p.sessionId = c ? id : p.sessionId` keeps what was there at times.
    TSNode value = node::Field(n, "right");
    std::string_view left = node::Text(node::Field(n, "left"), source);
    if (MayBeEmpty(value, source) || KeepsOld(value, left, source))
      return false;
  } else if (!node::Is(n, "call_expression")) {
    return false;  // `&&=`, `++`, `delete`: not a plain write
  }
  // `if (a) p.sessionId = x; else p.sessionId = y;`: the `if` writes it.
  std::string_view target =
      node::Is(n, "assignment_expression")
          ? node::Text(node::Field(n, "left"), source)
          : std::string_view();
  while (true) {
    if (std::all_of(exits.begin(), exits.end(), [&](TSNode exit) {
          return RunsBefore(statement, exit);
        }))
      return true;
    if (target.empty()) return false;
    statement = EnclosingSetter(statement, target, source);
    if (ts_node_is_null(statement)) return false;
  }
}

bool MayEmpty(TSNode n, std::string_view source) {
  if (node::Is(n, "unary_expression")) return true;  // `delete`
  std::string_view op = node::Text(node::Field(n, "operator"), source);
  if (node::Is(n, "augmented_assignment_expression") && op == "&&=")
    return true;
  if (!node::Is(n, "assignment_expression")) return false;
  TSNode value = node::Field(n, "right");
  return MayBeEmpty(value, source);
}


}  // namespace psm
