#include "find/empty_values.h"

#include <string>

#include "find/every_path.h"
#include "find/payload_uses.h"
#include "find/scope.h"
#include "syntax/node.h"

namespace psm {

bool IsEmptyValue(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  std::string_view type = node::Type(value);
  if (type == "null" || type == "undefined" || type == "false") return true;
  if (type == "identifier") return node::Text(value, source) == "undefined";
  if (type == "unary_expression")
    return node::Text(value, source).starts_with("void");
  std::string text;
  return (type == "string" || type == "template_string") &&
         node::StringLiteralValue(value, source, &text) && text.empty();
}

bool EmptyAtTimes(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "ternary_expression")) {
    for (const char* branch : {"consequence", "alternative"}) {
      TSNode b = node::Field(value, branch);
      if (IsEmptyValue(b, source) || EmptyAtTimes(b, source)) return true;
    }
    return false;
  }
  if (node::Is(value, "member_expression") ||
      node::Is(value, "subscript_expression")) {
    // `cart?.payment?.session?.id`: undefined when a link is missing.
    return node::Text(value, source).find("?.") != std::string_view::npos;
  }
  if (!node::Is(value, "binary_expression")) return false;
  std::string_view op = node::Text(node::Field(value, "operator"), source);
  if (op == "&&") return true;  // the left side, when it is falsy
  TSNode right = node::Field(value, "right");
  return (op == "||" || op == "??") &&
         (IsEmptyValue(right, source) || EmptyAtTimes(right, source));
}

namespace {

constexpr int kMaxHops = 4;  // `const a = c ? id : undefined; const b = a;`

bool VariableEmpty(TSNode identifier, std::string_view source, int hops);

bool ReturnsEmpty(TSNode call, std::string_view source, int hops);

bool Empties(TSNode value, std::string_view source, int hops) {
  value = node::Unwrap(value);
  if (IsEmptyValue(value, source) || EmptyAtTimes(value, source)) return true;
  if (hops >= kMaxHops) return false;
  if (node::Is(value, "identifier"))
    return VariableEmpty(value, source, hops + 1);
  if (node::Is(value, "await_expression"))
    return Empties(ts_node_named_child(value, 0), source, hops + 1);
  return node::Is(value, "call_expression") &&
         ReturnsEmpty(value, source, hops + 1);
}

// `getSessionId()`, a function of the file that returns nothing, or an
// empty value, on some path (`return useSessions ? id : null;`).
bool ReturnsEmpty(TSNode call, std::string_view source, int hops) {
  TSNode callee = node::Field(call, "function");
  if (!node::Is(callee, "identifier")) return false;
  Binding binding = ResolveName(node::Text(callee, source), callee, source);
  TSNode function = binding.declarator;
  if (binding.kind == Binding::Kind::kVariable)
    function = node::Unwrap(node::Field(binding.declarator, "value"));
  else if (binding.kind != Binding::Kind::kFunction)
    return false;
  if (!node::IsFunction(function)) return false;
  TSNode body = node::Field(function, "body");
  if (!node::Is(body, "statement_block")) return Empties(body, source, hops);
  bool empty = false;
  ForEachDescendant(body, false, [&](TSNode n) {
    if (empty || !node::Is(n, "return_statement")) return;
    TSNode value = ts_node_named_child(n, 0);
    empty = ts_node_is_null(value) || Empties(value, source, hops);
  });
  return empty;
}

// `const {id: sid} = cart.session || {}`, `const {sessionId = null} =
// cart`: destructured from an object that may lack it, or with an empty
// default.
bool DestructuredEmpty(TSNode declarator, std::string_view name,
                       std::string_view source) {
  TSNode pattern = node::Field(declarator, "name");
  if (node::Is(pattern, "identifier")) return true;  // `var` declared again
  TSNode value = node::Unwrap(node::Field(declarator, "value"));
  if (node::Is(value, "binary_expression")) {
    TSNode right = node::Unwrap(node::Field(value, "right"));
    if (node::Is(right, "object") && ts_node_named_child_count(right) == 0)
      return true;
  }
  if (!ts_node_is_null(value) && EmptyAtTimes(value, source)) return true;
  bool empty = false;
  ForEachDescendant(pattern, false, [&](TSNode n) {
    if (!node::Is(n, "object_assignment_pattern") &&
        !node::Is(n, "assignment_pattern"))
      return;
    TSNode left = node::Field(n, "left");
    if (node::Text(left, source) != name &&
        !node::Text(left, source).ends_with(": " + std::string(name)))
      return;
    empty = empty || IsEmptyValue(node::Field(n, "right"), source);
  });
  return empty;
}

// The statements of `block` after `from` and before `read`.
template <typename Visit>
void StatementsBetween(TSNode block, TSNode from, TSNode read, Visit visit) {
  for (TSNode s : node::NamedChildren(block)) {
    if (ts_node_start_byte(s) < ts_node_end_byte(from)) continue;
    if (ts_node_end_byte(s) > ts_node_start_byte(read)) break;
    if (visit(s)) return;
  }
}

// `let sid; sid = id;` or `if (c) sid = a; else sid = b;`: a statement of
// the declaration's own block, between it and the read, that sets it on
// every path; not one that keeps the old value (`sid = c ? id : sid`).
bool SetBeforeOnEveryPath(TSNode declaration, TSNode read,
                          std::string_view name, std::string_view source) {
  bool set = false;
  StatementsBetween(node::Parent(declaration), declaration, read,
                    [&](TSNode s) {
                      return set = SetsOnEveryPath(s, name, source);
                    });
  return set;
}

// `if (!sid) return;` (or `throw`, or `== null`, `=== undefined`) between
// the declaration and the read: past it, the variable has a value.
bool GuardedBefore(TSNode declaration, TSNode read, std::string_view name,
                   std::string_view source) {
  std::string n(name);
  const std::string tests[] = {"!" + n, n + " == null", n + " === null",
                               n + " === undefined", n + " == undefined"};
  auto leaves = [&](TSNode s) {
    if (node::Is(s, "statement_block"))
      s = ts_node_named_child(s, ts_node_named_child_count(s) - 1);
    return node::Is(s, "return_statement") || node::Is(s, "throw_statement");
  };
  bool guarded = false;
  StatementsBetween(
      node::Parent(declaration), declaration, read, [&](TSNode s) {
        if (!node::Is(s, "if_statement") ||
            !ts_node_is_null(node::Field(s, "alternative")))
          return false;
        std::string_view test =
            node::Text(node::Unwrap(node::Field(s, "condition")), source);
        bool tests_it = false;
        for (const std::string& t : tests) tests_it = tests_it || test == t;
        return guarded = tests_it && leaves(node::Field(s, "consequence"));
      });
  return guarded;
}

bool IsPattern(TSNode n) {
  std::string_view t = node::Type(n);
  return t == "object_pattern" || t == "array_pattern" ||
         t == "pair_pattern" || t == "shorthand_property_identifier_pattern" ||
         t == "assignment_pattern" || t == "object_assignment_pattern" ||
         t == "rest_pattern";
}

// A write of the name that may empty it: `= undefined`, `= c ? id :
// undefined`, `&&=`, or a destructuring assignment (`({sid} = {})`).
bool WrittenEmpty(const Binding& binding, TSNode read, std::string_view name,
                  std::string_view source, int hops) {
  for (TSNode use : UsesOf(binding, name, source)) {
    // Once read into the payload, a later write does not change it.
    if (ProvablyAfter(use, read, binding.scope)) continue;
    TSNode up = node::Parent(use);
    while (IsPattern(up)) up = node::Parent(up);
    bool in_pattern = !ts_node_eq(up, node::Parent(use));
    if (node::Is(up, "assignment_expression") &&
        node::Range(node::Field(up, "left")).Contains(node::Range(use))) {
      if (in_pattern) return true;
      TSNode value = node::Field(up, "right");
      if (Empties(value, source, hops) ||
          ReadsTarget(node::Text(value, source), name))
        return true;
    }
    if (node::Is(up, "augmented_assignment_expression") &&
        ts_node_eq(node::Field(up, "left"), use) &&
        node::Text(node::Field(up, "operator"), source) == "&&=")
      return true;
  }
  return false;
}

bool VariableEmpty(TSNode identifier, std::string_view source, int hops) {
  std::string_view name = node::Text(identifier, source);
  Binding binding = ResolveName(name, identifier, source);
  if (binding.kind == Binding::Kind::kParameter) {
    // The callers' to give, unless the function empties it, or its
    // default does (`sid = undefined`: a caller may leave it out).
    TSNode value = node::Field(binding.declarator, "right");
    if (!ts_node_is_null(value) && Empties(value, source, hops)) return true;
    return WrittenEmpty(binding, identifier, name, source, hops);
  }
  if (binding.kind == Binding::Kind::kOther &&
      node::Is(binding.declarator, "variable_declarator"))
    return DestructuredEmpty(binding.declarator, name, source) ||
           WrittenEmpty(binding, identifier, name, source, hops);
  if (binding.kind != Binding::Kind::kVariable) return false;
  if (WrittenEmpty(binding, identifier, name, source, hops)) return true;
  // `if (c) { var sid = id; }` read outside that block, or a `var` read
  // before it is declared (hoisted, still undefined there).
  TSNode declaration = node::Parent(binding.declarator);
  bool is_var = node::Is(declaration, "variable_declaration");
  if (!node::Range(node::Parent(declaration))
           .Contains(node::Range(identifier)) ||
      (is_var && ts_node_start_byte(declaration) > ts_node_start_byte(identifier)))
    return true;
  if (GuardedBefore(declaration, identifier, name, source)) return false;
  TSNode value = node::Field(binding.declarator, "value");
  if (!ts_node_is_null(value)) return Empties(value, source, hops);
  return !SetBeforeOnEveryPath(declaration, identifier, name, source);
}

}  // namespace

bool VariableEmptyAtTimes(TSNode identifier, std::string_view source) {
  return VariableEmpty(identifier, source, 0);
}

bool MayBeEmpty(TSNode value, std::string_view source) {
  return Empties(value, source, 0);
}

}  // namespace psm
