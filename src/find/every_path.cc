#include "find/every_path.h"

#include <algorithm>

#include "common/strings.h"
#include "find/empty_values.h"
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

// A statement that may leave its block for a place after it (`break`,
// `continue`, also nested under an `if`): a write after it in the block
// may be skipped on the way to the exit. Judged by its words, to be safe.
bool Mentions(TSNode value, std::string_view target, std::string_view source) {
  return ReadsTarget(node::Text(value, source), target);
}

bool IsJump(TSNode statement, std::string_view source) {
  std::string_view text = node::Text(statement, source);
  return text.find("break") != std::string_view::npos ||
         text.find("continue") != std::string_view::npos;
}

}  // namespace

bool ReadsTarget(std::string_view code, std::string_view target) {
  for (size_t at : WordsAt(code, target)) {
    if (at == 0 || code[at - 1] != '.') return true;  // not `x.sid`
  }
  return false;
}

bool SetsOnEveryPath(TSNode statement, std::string_view target,
                     std::string_view source) {
  if (node::Is(statement, "expression_statement")) {
    TSNode write = node::Unwrap(ts_node_named_child(statement, 0));
    if (!node::Is(write, "assignment_expression") ||
        node::Text(node::Field(write, "left"), source) != target)
      return false;
    TSNode value = node::Field(write, "right");
    return !MayBeEmpty(value, source) && !Mentions(value, target, source);
  }
  if (node::Is(statement, "statement_block")) {
    for (TSNode s : node::NamedChildren(statement)) {
      if (IsJump(s, source)) return false;
      if (SetsOnEveryPath(s, target, source)) return true;
    }
    return false;
  }
  if (!node::Is(statement, "if_statement")) return false;
  TSNode otherwise = node::Field(statement, "alternative");
  return !ts_node_is_null(otherwise) &&
         SetsOnEveryPath(node::Field(statement, "consequence"), target,
                         source) &&
         SetsOnEveryPath(ts_node_named_child(otherwise, 0), target, source);
}

namespace {

// The `if` around `statement` when it is one of the `if`'s branches (or a
// statement of one, with no jump before it) and every other branch also
// writes `target`: that `if` then writes it on every path. Null otherwise.
TSNode IfSettingOnEveryPath(TSNode statement, std::string_view target,
                            std::string_view source) {
  TSNode branch = statement;
  TSNode up = node::Parent(statement);
  if (node::Is(up, "statement_block")) {
    for (TSNode s : node::NamedChildren(up)) {
      if (ts_node_eq(s, statement)) break;
      if (IsJump(s, source)) return TSNode{};
    }
    branch = up;
    up = node::Parent(up);
  }
  if (node::Is(up, "else_clause")) up = node::Parent(up);
  if (!node::Is(up, "if_statement") ||
      !SetsOnEveryPath(up, target, source))
    return TSNode{};
  // Each branch writes it; this one must be among them, not the condition.
  TSNode condition = node::Field(up, "condition");
  return ts_node_eq(condition, branch) ? TSNode{} : up;
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
    if (MayBeEmpty(value, source) || Mentions(value, left, source))
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
    statement = IfSettingOnEveryPath(statement, target, source);
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
