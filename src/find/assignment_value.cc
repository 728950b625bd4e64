#include "find/assignment_value.h"

#include "find/object_builder.h"  // Quote
#include "syntax/node.h"

namespace psm {
namespace {

// `n`'s parent, past the parentheses around `n` (`(p = {...})`).
TSNode ParentPastParentheses(TSNode* n) {
  TSNode parent = node::Parent(*n);
  while (node::Is(parent, "parenthesized_expression")) {
    *n = parent;
    parent = node::Parent(parent);
  }
  return parent;
}

// Whether the value of `expression`, whose parent is `parent`, is thrown
// away: a statement of its own, a `for` loop's head, or part of a sequence
// that is.
bool ValueDiscarded(TSNode expression, TSNode parent) {
  while (node::Is(parent, "sequence_expression")) {
    expression = parent;
    parent = ParentPastParentheses(&expression);
  }
  if (node::Is(parent, "expression_statement")) return true;
  return node::Is(parent, "for_statement") &&
         !ts_node_eq(node::Field(parent, "condition"), expression);
}

}  // namespace

std::string AssignedValueUse(TSNode literal, std::string_view source) {
  TSNode value = literal;
  TSNode assignment = ParentPastParentheses(&value);
  if (!node::Is(assignment, "assignment_expression") ||
      !ts_node_eq(node::Field(assignment, "right"), value))
    return "";
  TSNode used = assignment;
  TSNode parent = ParentPastParentheses(&used);
  if (ValueDiscarded(used, parent)) return "";
  std::string_view where = node::Text(parent, source);
  if (where.size() > 60) where = where.substr(0, 60);
  return Quote(std::string(node::Text(node::Field(assignment, "left"),
                                     source)) +
               " = {...}") +
         " is used as a value too, in " + Quote(where) + " (line " +
         std::to_string(node::Line(parent)) +
         "): what gets it is the same object and sees every field";
}

}  // namespace psm
