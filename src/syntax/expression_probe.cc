#include "syntax/expression_probe.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// The code of a function (or class) inside the expression runs in its own
// context, not in the one the expression is inserted into.
bool OwnContext(std::string_view type) {
  return type == "function_expression" || type == "arrow_function" ||
         type == "generator_function" || type == "method_definition" ||
         type == "class_body";
}

// `await`, `yield`, `this` and the names in `value` (of `source`) outside
// the functions it defines, walked with a cursor: an expression from the
// command line may nest deeply.
ExpressionNeeds NeedsOf(TSNode value, std::string_view source) {
  ExpressionNeeds needs;
  TSTreeCursor cursor = ts_tree_cursor_new(value);
  for (bool more = true; more;) {
    std::string_view type = ts_node_type(ts_tree_cursor_current_node(&cursor));
    TSNode n = ts_tree_cursor_current_node(&cursor);
    if (type == "await_expression") needs.await = true;
    if (type == "yield_expression") needs.yield = true;
    if (type == "this") needs.reads_this = true;
    if (type == "identifier" || type == "shorthand_property_identifier") {
      std::string name(node::Text(n, source));
      if (std::find(needs.names.begin(), needs.names.end(), name) ==
          needs.names.end())
        needs.names.push_back(std::move(name));
    }
    if (!OwnContext(type) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return needs;
}

// The one expression inside the probe's parentheses, or null when they
// hold something else too (a TypeScript `(a: T)` annotation).
TSNode Inside(TSNode root, uint32_t open) {
  TSNode paren =
      node::Parent(ts_node_descendant_for_byte_range(root, open, open + 1));
  if (!node::Is(paren, "parenthesized_expression")) return TSNode{};
  TSNode inside{};
  for (TSNode child : node::NamedChildren(paren)) {
    if (node::IsComment(child)) continue;
    if (!ts_node_is_null(inside)) return TSNode{};
    inside = child;
  }
  return inside;
}

}  // namespace

std::optional<ValueExpression> ReadValueExpression(
    const std::string& expression, Language language) {
  if (expression.empty()) return ValueExpression{};
  bool php = language == Language::kPhp;
  if (php && expression.find("?>") != std::string::npos) return std::nullopt;
  // The newline ends a trailing `//` comment before the parenthesis.
  std::string prefix = php ? "<?php $x = (" : "x = (";
  std::string probe = prefix + expression + "\n);";
  Parser parser;
  Tree tree = parser.Parse(language, probe);
  if (!tree.ok() || CountSyntaxErrors(tree.Root()) != 0) return std::nullopt;
  TSNode value = Inside(tree.Root(), static_cast<uint32_t>(prefix.size() - 1));
  if (ts_node_is_null(value)) return std::nullopt;
  ValueExpression read;
  read.text = node::Is(value, "sequence_expression") ? "(" + expression + ")"
                                                     : expression;
  if (!php) read.needs = NeedsOf(value, probe);
  return read;
}

}  // namespace psm
