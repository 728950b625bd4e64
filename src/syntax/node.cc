#include "syntax/node.h"

#include <array>

namespace psm::node {

TSNode Unwrap(TSNode n) {
  while (!ts_node_is_null(n)) {
    std::string_view type = Type(n);
    if (type == "parenthesized_expression" || type == "non_null_expression") {
      n = ts_node_named_child(n, 0);
    } else if (type == "as_expression" || type == "satisfies_expression") {
      n = ts_node_named_child(n, 0);
    } else if (type == "type_assertion") {
      n = ts_node_named_child(n, 1);
    } else {
      break;
    }
    // Skip a leading comment inside parentheses: `( /* c */ {...})`.
    while (!ts_node_is_null(n) && IsComment(n))
      n = ts_node_next_named_sibling(n);
  }
  return n;
}

std::vector<TSNode> Arguments(TSNode call) {
  std::vector<TSNode> args;
  TSNode list = Field(call, "arguments");
  uint32_t count = ts_node_named_child_count(list);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode arg = ts_node_named_child(list, i);
    if (!IsComment(arg)) args.push_back(arg);
  }
  return args;
}

bool IsFunction(TSNode n) {
  static constexpr std::array<std::string_view, 7> kFunctions = {
      "function_declaration",
      "function_expression",
      "function",
      "arrow_function",
      "method_definition",
      "generator_function",
      "generator_function_declaration"};
  std::string_view type = Type(n);
  for (std::string_view f : kFunctions) {
    if (type == f) return true;
  }
  return false;
}

bool StringLiteralValue(TSNode n, std::string_view source, std::string* out) {
  n = Unwrap(n);
  if (ts_node_is_null(n)) return false;
  std::string_view type = Type(n);
  if (type != "string" && type != "template_string") return false;
  uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    if (Is(ts_node_named_child(n, i), "template_substitution")) return false;
  }
  std::string_view text = Text(n, source);
  if (text.size() < 2) return false;
  out->assign(text.substr(1, text.size() - 2));
  return true;
}

}  // namespace psm::node
