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
    if (type == "member_expression" &&
        node::Is(node::Field(n, "object"), "this")) {
      std::string member(node::Text(node::Field(n, "property"), source));
      if (std::find(needs.this_members.begin(), needs.this_members.end(),
                    member) == needs.this_members.end())
        needs.this_members.push_back(std::move(member));
    }
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

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '$';
}

bool IsNamePart(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

// Words that do not read as a plain name at the start of an expression, or
// that a grammar may read as something else (a literal, a keyword, a
// TypeScript type word): such an expression is parsed.
bool MayNotBeAName(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "abstract",   "any",        "arguments", "as",        "async",
      "await",      "bigint",     "boolean",   "break",     "case",
      "catch",      "class",      "const",     "continue",  "debugger",
      "declare",    "default",    "delete",    "do",        "else",
      "enum",       "eval",       "export",    "extends",   "false",
      "finally",    "for",        "function",  "get",       "global",
      "if",         "implements", "import",    "in",        "infer",
      "instanceof", "interface",  "is",        "keyof",     "let",
      "module",     "namespace",  "never",     "new",       "null",
      "number",     "object",     "of",        "override",  "package",
      "private",    "protected",  "public",    "readonly",  "require",
      "return",     "satisfies",  "set",       "static",    "string",
      "super",      "switch",     "symbol",    "throw",     "true",
      "try",        "type",       "typeof",    "undefined", "unique",
      "unknown",    "var",        "void",      "while",     "with",
      "yield"};
  for (std::string_view w : kWords) {
    if (w == word) return true;
  }
  return false;
}

// `checkout.payment.session.id`, `sessionId`, `this.session.id`: ASCII
// names joined by dots, read without a parse. Every run reads its session
// expression at start-up, on the main thread before any file: a parse there
// made it the first to touch the TypeScript grammar's tables (0.4 ms of a
// 5-file pre-commit run). Anything else is parsed.
std::optional<ValueExpression> ReadDottedName(const std::string& expression) {
  std::string_view first, second;
  size_t start = 0;
  while (true) {
    size_t end = start;
    if (end >= expression.size() || !IsNameStart(expression[end]))
      return std::nullopt;
    while (end < expression.size() && IsNamePart(expression[end])) ++end;
    if (start == 0)
      first = std::string_view(expression).substr(0, end);
    else if (second.empty())
      second = std::string_view(expression).substr(start, end - start);
    if (end == expression.size()) break;
    if (expression[end] != '.') return std::nullopt;
    start = end + 1;
  }
  if (first != "this" && MayNotBeAName(first)) return std::nullopt;
  ValueExpression read;
  read.text = expression;
  if (first == "this") {
    read.needs.reads_this = true;
    if (!second.empty()) read.needs.this_members.emplace_back(second);
  } else {
    read.needs.names.emplace_back(first);
  }
  return read;
}

}  // namespace

std::optional<ValueExpression> ReadValueExpression(
    const std::string& expression, Language language) {
  if (expression.empty()) return ValueExpression{};
  bool php = language == Language::kPhp;
  if (!php) {
    if (std::optional<ValueExpression> read = ReadDottedName(expression))
      return read;
  }
  if (php && expression.find("?>") != std::string::npos) return std::nullopt;
  // The parenthesis follows on the same line, as the code after an
  // inserted value does: a trailing `//` comment (or `#` in PHP) would
  // swallow it, and an unclosed `/*` everything after.
  std::string prefix = php ? "<?php $x = (" : "x = (";
  std::string probe = prefix + expression + ");";
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

std::string ExpressionRefusal(const std::string& expression,
                              Language language) {
  std::string what =
      language == Language::kPhp ? "PHP expression" : "JavaScript expression";
  if (IsExpression(expression + "\n", language)) {
    return "a comment at the end would swallow the code written after the " +
           what + " on its line (drop the comment): " + expression;
  }
  return "not a " + what + ": " + expression;
}

}  // namespace psm
