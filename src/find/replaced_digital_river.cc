#include "find/replaced_digital_river.h"

#include <vector>

#include "common/strings.h"
#include "find/object_builder.h"  // Quote
#include "find/scope.h"
#include "find/scope_inl.h"
#include "find/tree_memo.h"
#include "find/unnamed_reach.h"
#include "find/wrapper_calls.h"  // FunctionCalled
#include "syntax/node.h"

namespace psm {
namespace {

constexpr std::string_view kName = "DigitalRiver";

// The callee of `value` when it is `DigitalRiver(...)`, `new
// DigitalRiver(...)` or `window.DigitalRiver(...)`; null otherwise.
TSNode MakerCallee(TSNode value, std::string_view source) {
  value = node::Unwrap(value);
  if (node::Is(value, "await_expression"))
    value = node::Unwrap(ts_node_named_child(value, 0));
  bool is_new = node::Is(value, "new_expression");
  if (!is_new && !node::Is(value, "call_expression")) return TSNode{};
  TSNode callee =
      node::Unwrap(node::Field(value, is_new ? "constructor" : "function"));
  TSNode name = node::Is(callee, "member_expression")
                    ? node::Field(callee, "property")
                    : callee;
  return node::Text(name, source) == kName ? callee : TSNode{};
}

// Where the file assigns the global `DigitalRiver` (`window.DigitalRiver =
// ...`, `DigitalRiver = ...` with no declaration of its own), or null.
TSNode GlobalAssignment(TSNode root, std::string_view source) {
  for (size_t at : WordsAt(source, kName)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + kName.size()));
    TSNode target = n;
    if (node::Is(n, "property_identifier")) {
      if (!IsGlobalObjectProperty(n, source)) continue;
      target = node::Parent(n);
    } else if (!node::Is(n, "identifier") ||
               ResolveName(kName, n, source).kind != Binding::Kind::kNotFound) {
      continue;
    }
    TSNode up = node::Parent(target);
    if ((node::Is(up, "assignment_expression") ||
         node::Is(up, "augmented_assignment_expression")) &&
        ts_node_eq(node::Field(up, "left"), target))
      return up;
  }
  return TSNode{};
}

bool IsGlobalObjectName(TSNode n, std::string_view source) {
  std::string_view name = node::Text(node::Unwrap(n), source);
  return node::Is(node::Unwrap(n), "identifier") &&
         (name == "window" || name == "globalThis" || name == "self" ||
          name == "global");  // Node's, where tests fake the library
}

// Whether the binding `b` of `DigitalRiver` is only the page's global
// under its own name: `var DigitalRiver = window.DigitalRiver;`, `const {
// DigitalRiver } = window;`.
bool AliasOfTheGlobal(const Binding& b, std::string_view source) {
  if (!b.assignments.empty() || ts_node_is_null(b.declarator)) return false;
  TSNode value = node::Unwrap(node::Field(b.declarator, "value"));
  if (b.kind == Binding::Kind::kVariable &&
      (node::Is(value, "member_expression") ||
       node::Is(value, "subscript_expression"))) {
    TSNode property = node::Is(value, "member_expression")
                          ? node::Field(value, "property")
                          : node::Field(value, "index");
    std::string key;
    bool named =
        node::Text(property, source) == kName ||
        (node::StringLiteralValue(property, source, &key) && key == kName);
    return named && IsGlobalObjectName(node::Field(value, "object"), source);
  }
  return b.kind == Binding::Kind::kOther && IsGlobalObjectName(value, source);
}

std::string WhyNotTheLibrary(TSNode callee, std::string_view source) {
  if (node::Is(callee, "identifier")) {
    Binding b = ResolveName(kName, callee, source);
    if (AliasOfTheGlobal(b, source)) return "";
    if (b.kind != Binding::Kind::kNotFound &&
        b.kind != Binding::Kind::kImported) {
      TSNode at = ts_node_is_null(b.declarator) ? callee : b.declarator;
      return "`DigitalRiver` is declared in this file (line " +
             std::to_string(node::Line(at)) +
             "): what it makes may not be DigitalRiver.js";
    }
    if (b.kind == Binding::Kind::kImported) return "";
  }
  // Once per tree: a file of thousands of calls asks for every one.
  TSNode root = ts_tree_root_node(callee.tree);
  thread_local TreeMemo<TSNode> memo;
  TSNode assigned =
      memo.Get(root, "", [&] { return GlobalAssignment(root, source); });
  if (ts_node_is_null(assigned)) return "";
  return "the file sets the global `DigitalRiver` at line " +
         std::to_string(node::Line(assigned)) + " (" +
         Quote(node::Text(assigned, source)) +
         "): what it makes may not be DigitalRiver.js";
}

// What a function of the file returns, when `value` calls one by name
// (`var dr = makeClient(...)`): its `return` values and an arrow's body.
std::vector<TSNode> ReturnedByLocalFunction(TSNode value,
                                            std::string_view source) {
  std::vector<TSNode> returned;
  value = node::Unwrap(value);
  if (!node::Is(value, "call_expression")) return returned;
  TSNode function = FunctionCalled(node::Field(value, "function"), source);
  if (ts_node_is_null(function)) return returned;
  TSNode body = node::Field(function, "body");
  if (!node::Is(body, "statement_block")) {
    returned.push_back(body);  // `() => new DigitalRiver(key)`
    return returned;
  }
  ForEachDescendant(body, false, [&](TSNode n) {
    if (node::Is(n, "return_statement") && ts_node_named_child_count(n) > 0)
      returned.push_back(ts_node_named_child(n, 0));
  });
  return returned;
}

}  // namespace

std::string DigitalRiverReplacedHere(TSNode receiver,
                                     const std::vector<TSNode>& held,
                                     std::string_view source) {
  receiver = node::Unwrap(receiver);
  std::vector<TSNode> values = {receiver};
  values.insert(values.end(), held.begin(), held.end());
  for (size_t i = 0, made = values.size(); i < made; ++i) {
    for (TSNode r : ReturnedByLocalFunction(values[i], source))
      values.push_back(r);
  }
  for (TSNode value : values) {
    TSNode callee = MakerCallee(value, source);
    if (ts_node_is_null(callee)) continue;
    if (std::string why = WhyNotTheLibrary(callee, source); !why.empty())
      return why;
  }
  return "";
}

}  // namespace psm
