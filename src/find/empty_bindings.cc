// What a name or a call holds where a payload's sessionId reads it: the
// variable and function half of MayBeEmpty (find/empty_values.h).

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "common/nesting_guard.h"
#include "find/empty_values.h"
#include "find/empty_values_internal.h"
#include "find/payload_uses.h"
#include "find/scope.h"
#include "find/statement_paths.h"
#include "syntax/node.h"

namespace psm::empty_detail {
namespace {

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
// every path.
bool IsHoisted(TSNode n) {
  return node::Is(n, "function_declaration") ||
         node::Is(n, "generator_function_declaration") ||
         node::Is(n, "method_definition");
}

bool SetBeforeOnEveryPath(TSNode declaration, TSNode read,
                          std::string_view name, std::string_view source,
                          int hops) {
  // A function declared (hoisted) or a method may run before the set.
  TSNode block = node::Parent(declaration);
  for (TSNode up = node::Parent(read); !ts_node_is_null(up) &&
                                       !ts_node_eq(up, block);
       up = node::Parent(up)) {
    if (IsHoisted(up)) return false;
  }
  bool set = false;
  StatementsBetween(node::Parent(declaration), declaration, read,
                    [&](TSNode s) {
                      return set = SetsOnEveryPath(s, name, source, hops);
                    });
  return set;
}

std::string Squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"') c = '\'';
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

// Whether `condition`, without spaces, is one of `forms`, or joins such a
// test with `joiner` (`||` for a test true when empty, `&&` for one false
// when empty).
bool TestsBy(TSNode condition, const std::vector<std::string>& forms,
             std::string_view joiner, std::string_view source) {
  thread_local int nesting = 0;
  NestingGuard guard(nesting);
  if (guard.TooDeep()) return false;
  condition = node::Unwrap(condition);
  if (node::Is(condition, "binary_expression") &&
      node::Text(node::Field(condition, "operator"), source) == joiner) {
    return TestsBy(node::Field(condition, "left"), forms, joiner, source) ||
           TestsBy(node::Field(condition, "right"), forms, joiner, source);
  }
  std::string t = Squeezed(node::Text(condition, source));
  return std::find(forms.begin(), forms.end(), t) != forms.end();
}

// `!sid`, `sid == null`, `typeof sid !== 'string'`, or a `||` of which one
// side is such a test: true whenever the name is empty.
bool TestsEmpty(TSNode condition, const std::string& name,
                std::string_view source) {
  return TestsBy(condition,
                 {"!" + name, name + "==null", name + "===null",
                  name + "==undefined", name + "===undefined", "null==" + name,
                  "null===" + name, "typeof" + name + "==='undefined'",
                  "typeof" + name + "!=='string'",
                  "typeof" + name + "!='string'", "!" + name + ".length"},
                 "||", source);
}

// `sid`, `sid != null`, `typeof sid === 'string'`, or a `&&` of which one
// side is such a test: false whenever the name is empty.
bool TestsPresent(TSNode condition, const std::string& name,
                  std::string_view source) {
  return TestsBy(condition,
                 {name, name + "!=null", name + "!==null", name + "!==undefined",
                  name + "!=undefined", "typeof" + name + "==='string'",
                  name + ".length"},
                 "&&", source);
}

// Whether `statement` leaves whenever the name is empty: `if (!sid)
// return;`, `if (!sid) { warn(); throw ...; }`.
bool IsGuard(TSNode statement, const std::string& name,
             std::string_view source) {
  if (!node::Is(statement, "if_statement") ||
      !TestsEmpty(node::Field(statement, "condition"), name, source))
    return false;
  TSNode then = node::Field(statement, "consequence");
  return AlwaysLeaves(then) || ContainsJump(then);
}

// Whether the read happens only where the name has a value: past a guard
// in a block around it (starting after `after`: the declaration and the
// writes), or inside `if
// (sid) {...}` / the `else` of `if (!sid) ...`. Not across a function
// declared (hoisted) or a method: those may run at any time.
bool Guarded(TSNode read, uint32_t after, const std::string& name,
             std::string_view source) {
  TSNode child = read;
  for (TSNode up = node::Parent(read); !ts_node_is_null(up);
       child = up, up = node::Parent(up)) {
    if (IsHoisted(up)) return false;
    if (node::Is(up, "if_statement") && ts_node_start_byte(up) >= after) {
      TSNode condition = node::Field(up, "condition");
      if (ts_node_eq(child, node::Field(up, "consequence")) &&
          TestsPresent(condition, name, source))
        return true;
      if (node::Is(child, "else_clause") && TestsEmpty(condition, name, source))
        return true;
    }
    if (!node::Is(up, "statement_block") && !node::Is(up, "program")) continue;
    for (TSNode s : node::NamedChildren(up)) {
      if (ts_node_start_byte(s) >= ts_node_start_byte(child)) break;
      if (ts_node_start_byte(s) < after) continue;
      if (IsGuard(s, name, source)) return true;
    }
  }
  return false;
}


// A write of the name, before the read, that may empty it: `= undefined`,
// `= c ? id : sid`, `&&=`, or a destructuring assignment (`({sid} = {})`).
bool WrittenEmpty(const Binding& binding, TSNode read, std::string_view name,
                  std::string_view source, int hops) {
  for (TSNode use : UsesOf(binding, name, source)) {
    // Once read into the payload, a later write does not change it.
    if (ProvablyAfter(use, read, binding.scope)) continue;
    TSNode up = node::Parent(use);
    while (node::IsPatternPart(up)) up = node::Parent(up);
    bool in_pattern = !ts_node_eq(up, node::Parent(use));
    if (node::Is(up, "assignment_expression") &&
        node::Range(node::Field(up, "left")).Contains(node::Range(use))) {
      if (in_pattern) return true;
      TSNode value = node::Field(up, "right");
      if (Empties(value, source, hops) || KeepsOld(value, name, source))
        return true;
    }
    if (node::Is(up, "augmented_assignment_expression") &&
        ts_node_eq(node::Field(up, "left"), use) &&
        node::Text(node::Field(up, "operator"), source) == "&&=")
      return true;
    // `for (sid of list)`: whatever the list holds, or the last of it.
    if (node::Is(up, "for_in_statement") &&
        node::Range(node::Field(up, "left")).Contains(node::Range(use)))
      return true;
  }
  return false;
}

// Where the last write of the name that can run before the read ends: a
// guard counts only after it. UINT32_MAX when a write may run at another
// time (written after the read in a loop, or in a function).
uint32_t LastWriteBefore(const Binding& binding, TSNode read,
                         std::string_view name, std::string_view source) {
  uint32_t last = 0;
  for (TSNode use : UsesOf(binding, name, source)) {
    TSNode up = node::Parent(use);
    while (node::IsPatternPart(up)) up = node::Parent(up);
    bool writes =
        (node::Is(up, "assignment_expression") ||
         node::Is(up, "augmented_assignment_expression") ||
         node::Is(up, "update_expression")) &&
        node::Range(node::Field(up, "left")).Contains(node::Range(use));
    if (!writes || ProvablyAfter(use, read, binding.scope)) continue;
    if (ts_node_start_byte(use) > ts_node_start_byte(read)) return UINT32_MAX;
    last = std::max(last, ts_node_end_byte(up));
  }
  return last;
}

// `{ sessionId = null }`, `{ id: sid = undefined }`, `sid = undefined`: a
// default inside `pattern` that leaves the name empty when not given.
bool EmptyDefault(TSNode pattern, std::string_view name,
                  std::string_view source) {
  bool empty = false;
  auto check = [&](TSNode n) {
    if (!node::Is(n, "object_assignment_pattern") &&
        !node::Is(n, "assignment_pattern"))
      return;
    std::string_view left = node::Text(node::Field(n, "left"), source);
    bool names = left == name ||
                 (left.size() > name.size() && left.ends_with(name) &&
                  left[left.size() - name.size() - 1] == ' ');
    empty = empty || (names && IsEmptyValue(node::Field(n, "right"), source));
  };
  check(pattern);
  ForEachDescendant(pattern, false, check);
  return empty;
}

// `const {id: sid} = cart.session || {}`: destructured from an object that
// may lack it, or with an empty default; a `var` declared twice.
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
  return (!ts_node_is_null(value) && EmptyAtTimes(value, source)) ||
         EmptyDefault(pattern, name, source);
}

// The function `call` calls, when the file defines it: `f()` for a
// function declared or held by a variable, `this.f()` for a method of the
// class around the call.
TSNode CalledFunction(TSNode call, std::string_view source) {
  TSNode callee = node::Unwrap(node::Field(call, "function"));
  if (node::Is(callee, "member_expression")) {
    if (node::Text(node::Field(callee, "object"), source) != "this")
      return TSNode{};
    std::string_view method = node::Text(node::Field(callee, "property"), source);
    TSNode body = node::Parent(call);
    while (!ts_node_is_null(body) && !node::Is(body, "class_body"))
      body = node::Parent(body);
    for (TSNode m : node::NamedChildren(body)) {
      if (node::Is(m, "method_definition") &&
          node::Text(node::Field(m, "name"), source) == method)
        return m;
    }
    return TSNode{};
  }
  if (!node::Is(callee, "identifier")) return TSNode{};
  return FunctionBoundTo(
      ResolveName(node::Text(callee, source), callee, source));
}

// The name a function goes by in this file: a declaration's, or the
// variable's a `const`/`let` binds it to; null otherwise (a method, a
// callback).
TSNode FunctionName(TSNode function) {
  if (node::Is(function, "function_declaration"))
    return node::Field(function, "name");
  TSNode up = node::Parent(function);
  while (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
  if (node::Is(up, "variable_declarator")) return node::Field(up, "name");
  return TSNode{};
}

// Whether a call in this file of the function that declares the parameter
// `declarator` (a plain positional one) passes it an empty value:
// `pay(cart, ready ? id : undefined)`, `pay(cart)` leaving it out. Callers
// in other files are not seen.
bool CallerPassesEmpty(TSNode declarator, std::string_view source, int hops) {
  TSNode list = node::Parent(declarator);
  TSNode parameter = declarator;
  if (node::Is(list, "required_parameter") ||
      node::Is(list, "optional_parameter") ||
      node::Is(list, "assignment_pattern")) {  // a TypeScript wrapper, `= d`
    parameter = list;
    list = node::Parent(list);
  }
  if (!node::Is(list, "formal_parameters")) return false;
  // Left out, it takes its default (an empty one is EmptyDefault's).
  bool has_default = node::Is(parameter, "assignment_pattern") ||
                     !ts_node_is_null(node::Field(parameter, "value"));
  size_t index = 0;
  for (TSNode p : node::NamedChildren(list)) {
    if (ts_node_eq(p, parameter)) break;
    if (!node::IsComment(p)) ++index;
  }
  TSNode name = FunctionName(node::Parent(list));
  if (!node::Is(name, "identifier")) return false;
  std::string_view text = node::Text(name, source);
  Binding binding = ResolveName(text, name, source);
  for (TSNode use : UsesOf(binding, text, source)) {
    TSNode call = node::Parent(use);
    if (!node::Is(call, "call_expression") ||
        !ts_node_eq(node::Field(call, "function"), use))
      continue;
    std::vector<TSNode> arguments = node::Arguments(call);
    bool spread = false;
    for (size_t k = 0; k < arguments.size() && k <= index; ++k)
      spread = spread || node::Is(arguments[k], "spread_element");
    if (spread) continue;  // which argument lands there is not told
    if (index >= arguments.size() ? !has_default
                                   : Empties(arguments[index], source, hops))
      return true;
  }
  return false;
}

}  // namespace

bool ReturnsEmpty(TSNode call, std::string_view source, int hops) {
  TSNode function = CalledFunction(call, source);
  if (ts_node_is_null(function)) return false;
  TSNode body = node::Field(function, "body");
  if (!node::Is(body, "statement_block")) return Empties(body, source, hops);
  if (!AlwaysLeaves(body)) return true;  // may fall off the end: undefined
  bool empty = false;
  ForEachDescendant(body, false, [&](TSNode n) {
    if (empty || !node::Is(n, "return_statement")) return;
    TSNode value = ts_node_named_child(n, 0);
    empty = ts_node_is_null(value) || Empties(value, source, hops);
  });
  return empty;
}

bool VariableEmpty(TSNode identifier, std::string_view source, int hops) {
  std::string_view name = node::Text(identifier, source);
  Binding binding = ResolveName(name, identifier, source);
  TSNode declaration = node::Parent(binding.declarator);
  bool empty = false;
  if (binding.kind == Binding::Kind::kParameter) {
    // The callers' to give, unless the function or a default empties it.
    declaration = binding.declarator;
    TSNode whole = binding.declarator;  // `{ sessionId = null }` around it
    while (node::IsPatternPart(node::Parent(whole)))
      whole = node::Parent(whole);
    empty = EmptyDefault(whole, name, source) ||
            WrittenEmpty(binding, identifier, name, source, hops) ||
            CallerPassesEmpty(whole, source, hops);
  } else if (binding.kind == Binding::Kind::kOther &&
             node::Is(binding.declarator, "variable_declarator")) {
    empty = DestructuredEmpty(binding.declarator, name, source) ||
            WrittenEmpty(binding, identifier, name, source, hops);
  } else if (binding.kind == Binding::Kind::kVariable) {
    bool is_var = node::Is(declaration, "variable_declaration");
    TSNode value = node::Field(binding.declarator, "value");
    // `if (c) { var sid = id; }` read outside that block, or a `var` read
    // before its declaration (hoisted, still undefined there).
    empty =
        WrittenEmpty(binding, identifier, name, source, hops) ||
        !node::Range(node::Parent(declaration))
             .Contains(node::Range(identifier)) ||
        (is_var &&
         ts_node_start_byte(binding.declarator) >
             ts_node_start_byte(identifier)) ||
        ((ts_node_is_null(value) || Empties(value, source, hops)) &&
         !SetBeforeOnEveryPath(declaration, identifier, name, source, hops));
  } else {
    return false;
  }
  if (!empty) return false;
  uint32_t after = std::max(ts_node_end_byte(declaration),
                            LastWriteBefore(binding, identifier, name, source));
  return after == UINT32_MAX ||
         !Guarded(identifier, after, std::string(name), source);
}

}  // namespace psm::empty_detail
