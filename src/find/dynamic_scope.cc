#include "find/dynamic_scope.h"

#include <cctype>
#include <vector>

#include "common/strings.h"
#include "find/scope.h"
#include "find/tree_memo.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The direct calls of the global `eval` in a file, each with the function
// (or script) whose `var`s it may declare. Found once per file (TreeMemo):
// a file of thousands of sites asks for each.
struct DirectEval {
  TSNode call;
  TSNode scope;
};

std::vector<DirectEval> FindDirectEvals(TSNode root, std::string_view source) {
  std::vector<DirectEval> evals;
  for (size_t word : WordsAt(source, "eval")) {
    TSNode name = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(word), static_cast<uint32_t>(word + 4));
    TSNode call = node::Parent(name);
    if (!node::Is(name, "identifier") || !node::Is(call, "call_expression") ||
        !ts_node_eq(node::Field(call, "function"), name) ||
        ResolveName("eval", name, source).kind != Binding::Kind::kNotFound)
      continue;
    TSNode scope = root;
    for (TSNode a : node::Ancestors(call)) {
      if (node::IsFunction(a)) {
        scope = a;
        break;
      }
    }
    evals.push_back({call, scope});
  }
  return evals;
}

std::vector<DirectEval> DirectEvals(TSNode root, std::string_view source) {
  thread_local TreeMemo<std::vector<DirectEval>> memo;  // once per file
  return memo.Get(root, "", [&] { return FindDirectEvals(root, source); });
}

}  // namespace

bool MayHaveDynamicScope(TSNode root, std::string_view source) {
  thread_local TreeMemo<bool> memo;  // once per file
  return memo.Get(root, "", [&] {
    if (!DirectEvals(root, source).empty()) return true;
    return MayHoldWithStatement(source);
  });
}

bool MayHoldWithStatement(std::string_view source) {
  for (size_t word : WordsAt(source, "with")) {
    size_t k = word + 4;
    while (k < source.size()) {  // past spaces and comments
      if (std::isspace(static_cast<unsigned char>(source[k]))) {
        ++k;
      } else if (source.compare(k, 2, "/*") == 0) {
        size_t end = source.find("*/", k + 2);
        k = end == std::string_view::npos ? source.size() : end + 2;
      } else if (source.compare(k, 2, "//") == 0) {
        size_t end = source.find('\n', k);
        k = end == std::string_view::npos ? source.size() : end + 1;
      } else {
        break;
      }
    }
    if (k < source.size() && source[k] == '(') return true;
  }
  return false;
}

std::string DynamicScopeAround(TSNode at, TSNode root,
                               std::string_view source) {
  if (!MayHaveDynamicScope(root, source)) return "";
  for (TSNode a : node::Ancestors(at)) {
    if (!node::Is(a, "with_statement")) continue;
    return "a `with` statement around it (line " +
           std::to_string(node::Line(a)) +
           ") may give its names other values; the tool cannot tell what "
           "they read";
  }
  TSNode call{};
  for (const DirectEval& e : DirectEvals(root, source)) {
    if (ts_node_start_byte(e.scope) <= ts_node_start_byte(at) &&
        ts_node_end_byte(at) <= ts_node_end_byte(e.scope)) {
      call = e.call;
      break;
    }
  }
  if (ts_node_is_null(call)) return "";
  return "`eval` (line " + std::to_string(node::Line(call)) +
         ") may declare any name where it runs; the tool cannot tell what "
         "the names around the payload read";
}

}  // namespace psm
