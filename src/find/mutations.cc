#include "find/mutations.h"

#include <algorithm>
#include <array>
#include <string>

#include "find/object_builder.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Functions that copy properties into their first (object) argument.
constexpr std::array<std::string_view, 10> kMergers = {
    "Object.assign", "$.extend",
    "jQuery.extend", "_.assign",
    "_.extend",      "_.merge",
    "_.defaults",    "angular.extend",
    "_.set",         "Object.defineProperty"};

// For `name.a['b'].c` returns true and sets `path` to "a.b.c" (empty
// segments become "" when a computed key is not a string literal).
bool PathFrom(TSNode target, std::string_view name, std::string_view source,
              std::string* path) {
  std::vector<std::string> segments;
  TSNode n = node::Unwrap(target);
  for (;;) {
    if (node::Is(n, "member_expression")) {
      segments.emplace_back(node::Text(node::Field(n, "property"), source));
      n = node::Unwrap(node::Field(n, "object"));
    } else if (node::Is(n, "subscript_expression")) {
      std::string key;
      bool literal =
          node::StringLiteralValue(node::Field(n, "index"), source, &key);
      segments.emplace_back(literal ? key : "");
      n = node::Unwrap(node::Field(n, "object"));
    } else {
      break;
    }
  }
  if (segments.empty() || !node::Is(n, "identifier") ||
      node::Text(n, source) != name) {
    return false;
  }
  path->clear();
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
    if (it->empty()) {  // a computed key: the tool cannot tell which field
      path->clear();
      return true;
    }
    if (!path->empty()) *path += '.';
    *path += *it;
  }
  return true;
}

// No calls, `new`, assignments, updates, `await` or `yield` inside `n`.
bool FreeOfEffects(TSNode n) {
  bool pure = true;
  auto check = [&](TSNode d) {
    std::string_view t = node::Type(d);
    if (t == "call_expression" || t == "new_expression" ||
        t == "assignment_expression" ||
        t == "augmented_assignment_expression" || t == "update_expression" ||
        t == "await_expression" || t == "yield_expression") {
      pure = false;
    }
  };
  check(n);
  ForEachDescendant(n, true, check);
  return pure;
}

// `target = value;` as a whole statement directly inside a block.
bool Deletable(TSNode assignment) {
  TSNode statement = ts_node_parent(assignment);
  if (!node::Is(statement, "expression_statement")) return false;
  TSNode block = ts_node_parent(statement);
  bool in_block =
      node::Is(block, "statement_block") || node::Is(block, "program") ||
      node::Is(block, "switch_case") || node::Is(block, "switch_default");
  return in_block && FreeOfEffects(node::Field(assignment, "right"));
}

// The statement a mutation stands in when it is the whole statement.
ByteRange StatementOf(TSNode expression) {
  TSNode parent = ts_node_parent(expression);
  return node::Is(parent, "expression_statement") ? node::Range(parent)
                                                  : node::Range(expression);
}

bool IsMergerName(std::string_view callee);

void InspectCall(TSNode call, std::string_view name, std::string_view source,
                 std::vector<PayloadMutation>* out) {
  TSNode callee = node::Field(call, "function");
  TSNode args = node::Field(call, "arguments");
  std::string path;
  if (node::Is(callee, "member_expression")) {
    std::string_view method =
        node::Text(node::Field(callee, "property"), source);
    bool grows = method == "push" || method == "unshift" || method == "splice";
    if (grows && PathFrom(node::Field(callee, "object"), name, source, &path)) {
      out->push_back(
          {path, Quote(node::Text(call, source)), StatementOf(call)});
      return;
    }
  }
  if (!IsMergerName(node::Text(callee, source))) return;
  for (TSNode child : node::NamedChildren(args)) {
    TSNode arg = node::Unwrap(child);
    if (node::Is(arg, "identifier") && node::Text(arg, source) == name) {
      out->push_back({"", Quote(node::Text(call, source)), StatementOf(call)});
      return;
    }
  }
}

// The expressions a use of `name` may change the payload through: the
// assignment or call around `name.a.b`, or the call `name` is passed to.
std::vector<TSNode> Candidates(std::string_view name, TSNode scope, std::string_view source) {
  std::vector<TSNode> found;
  for (TSNode use : IdentifierUses(name, scope, source)) {
    std::vector<TSNode> up = node::Ancestors(use);  // one descent for all
    auto above = [&](size_t i) { return i < up.size() ? up[i] : TSNode{}; };
    size_t i = 0;  // above(i) is the parent of `top`
    TSNode top = use;
    for (TSNode p = above(i); !ts_node_is_null(p); p = above(i)) {
      bool chain = (node::Is(p, "member_expression") || node::Is(p, "subscript_expression")) &&
                   ts_node_eq(node::Field(p, "object"), top);
      if (!chain && !node::Is(p, "parenthesized_expression") &&
          !node::Is(p, "non_null_expression")) {
        break;
      }
      top = p;
      ++i;
    }
    TSNode parent = above(i);
    if (node::Is(parent, "arguments")) parent = above(i + 1);
    std::string_view type = node::Type(parent);
    if (type == "assignment_expression" || type == "augmented_assignment_expression" ||
        type == "call_expression") {
      found.push_back(parent);
    }
  }
  std::sort(found.begin(), found.end(), [](TSNode a, TSNode b) {
    return ts_node_start_byte(a) != ts_node_start_byte(b)
               ? ts_node_start_byte(a) < ts_node_start_byte(b)
               : ts_node_end_byte(a) > ts_node_end_byte(b);
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](TSNode a, TSNode b) { return ts_node_eq(a, b); }),
              found.end());
  return found;
}

bool IsMergerName(std::string_view callee) {
  for (std::string_view m : kMergers) {
    if (callee == m) return true;
  }
  return false;
}

}  // namespace

bool IsMerger(std::string_view callee) { return IsMergerName(callee); }

std::vector<PayloadMutation> FindMutations(std::string_view name, TSNode scope,
                                           std::string_view source) {
  std::vector<PayloadMutation> mutations;
  for (TSNode n : Candidates(name, scope, source)) {
    std::string_view type = node::Type(n);
    std::string path;
    if ((type == "assignment_expression" ||
         type == "augmented_assignment_expression") &&
        PathFrom(node::Field(n, "left"), name, source, &path)) {
      mutations.push_back(
          {path, Quote(node::Text(n, source)), StatementOf(n), Deletable(n)});
    } else if (type == "call_expression") {
      InspectCall(n, name, source, &mutations);
    }
  }
  return mutations;
}

}  // namespace psm
