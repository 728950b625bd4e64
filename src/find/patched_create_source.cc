#include "find/patched_create_source.h"

#include <algorithm>
#include <array>
#include <vector>

#include "common/strings.h"
#include "find/member_chain.h"
#include "find/object_builder.h"  // Quote
#include "find/scope.h"
#include "find/tree_memo.h"
#include "find/wrapper_calls.h"  // FunctionCalled
#include "syntax/node.h"

namespace psm {
namespace {

// Built-ins that write a property named by an argument, or copy the
// properties of their later arguments onto the first.
constexpr std::array<std::string_view, 9> kWriters = {"Reflect.set",
                                                      "Reflect.defineProperty",
                                                      "Object.defineProperty",
                                                      "Object.defineProperties",
                                                      "Object.assign",
                                                      "Object.setPrototypeOf",
                                                      "$.extend",
                                                      "jQuery.extend",
                                                      "_.assign"};

// A write of createSource, or of a property it cannot name, onto `object`.
struct Write {
  TSNode at{};      // the assignment or call
  TSNode object{};  // what it is written onto
};

bool IsWriter(TSNode call, std::string_view source) {
  std::string_view callee = node::Text(node::Field(call, "function"), source);
  return std::find(kWriters.begin(), kWriters.end(), callee) != kWriters.end();
}

// The write the word "Source" at byte `at` is part of, if any: the key of
// `x.createSource = f` / `x['createSource'] = f` / `x['create' + 'Source']
// = f`, or an argument of a writer (`Reflect.set(x, 'createSource', f)`,
// `Object.assign(x, { createSource(p) {...} })`).
Write WriteAt(TSNode root, size_t at, std::string_view source) {
  TSNode n = ts_node_descendant_for_byte_range(root, static_cast<uint32_t>(at),
                                               static_cast<uint32_t>(at + 6));
  for (int hops = 0; hops < 8 && !ts_node_is_null(n); ++hops) {
    TSNode up = node::Parent(n);
    if (node::Is(up, "assignment_expression") &&
        ts_node_eq(node::Field(up, "left"), n) &&
        (node::Is(n, "member_expression") ||
         node::Is(n, "subscript_expression")))
      return {up, node::Unwrap(node::Field(n, "object"))};
    if (node::Is(up, "arguments")) {
      TSNode call = node::Parent(up);
      std::vector<TSNode> args = node::Arguments(call);
      if (IsWriter(call, source) && args.size() > 1 &&
          !ts_node_eq(node::Unwrap(args[0]), node::Unwrap(n)))
        return {call, node::Unwrap(args[0])};
      return {};
    }
    // Past a method's name to the object it is in; not out of a body.
    bool name_of = node::Is(up, "method_definition") &&
                   ts_node_eq(node::Field(up, "name"), n);
    if (node::Is(up, "expression_statement") || node::Is(up, "class_body") ||
        (node::IsFunction(up) && !name_of))
      return {};
    n = up;
  }
  return {};
}

// Every write of the file, found once per tree from the words "Source"
// that are not a call (`dr.createSource(p)`: cheap to pass over, as a
// file of thousands of calls has thousands of them).
std::vector<Write> WritesOf(TSNode root, std::string_view source) {
  std::vector<Write> writes;
  for (size_t at = source.find("Source"); at != std::string_view::npos;
       at = source.find("Source", at + 6)) {
    size_t k = at + 6;
    while (k < source.size() && (source[k] == ' ' || source[k] == '\t')) ++k;
    bool create = at >= 6 && source.compare(at - 6, 6, "create") == 0;
    bool called = create && k < source.size() && source[k] == '(' && at >= 7 &&
                  source[at - 7] == '.';
    // Only `createSource` and a string ending in it (`'create' + 'Source'`)
    // can name the method: `dataSource`, `paymentSource` cannot.
    bool quoted = at + 6 < source.size() &&
                  (source[at + 6] == '\'' || source[at + 6] == '"' ||
                   source[at + 6] == '`');
    if (called || (!create && !quoted)) continue;
    Write w = WriteAt(root, at, source);
    if (!ts_node_is_null(w.at)) writes.push_back(w);
  }
  return writes;
}

// False for a null `outer` (a declarator whose value failed to parse:
// `var dr =;`).
bool Within(TSNode n, TSNode outer) {
  if (ts_node_is_null(outer)) return false;
  return ts_node_start_byte(n) >= ts_node_start_byte(outer) &&
         ts_node_end_byte(n) <= ts_node_end_byte(outer);
}

// The function of the file `value` calls (`makeDr()`), or null.
TSNode LocalFunctionCalled(TSNode value, std::string_view source) {
  if (!node::Is(value, "call_expression")) return TSNode{};
  return FunctionCalled(node::Field(value, "function"), source);
}

// Whether the function around `write`, writing onto its own parameter, is
// called with `name` as an argument (`patch(dr)`).
bool HelperGets(const Write& write, std::string_view name, TSNode root,
                std::string_view source) {
  if (!node::Is(write.object, "identifier")) return false;
  Binding b =
      ResolveName(node::Text(write.object, source), write.object, source);
  if (b.kind != Binding::Kind::kParameter) return false;
  TSNode function = node::Parent(node::Parent(b.declarator));
  if (!node::IsFunction(function)) function = node::Parent(function);
  TSNode fname = node::Field(function, "name");
  if (ts_node_is_null(fname)) {
    TSNode holder = node::Parent(function);  // `var patch = function ...`
    if (node::Is(holder, "variable_declarator"))
      fname = node::Field(holder, "name");
  }
  if (ts_node_is_null(fname)) return true;  // a callback: anyone may call it
  std::string_view helper = node::Text(fname, source);
  for (size_t at : WordsAt(source, helper)) {
    TSNode n = ts_node_descendant_for_byte_range(
        root, static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + helper.size()));
    TSNode call = node::Parent(n);
    if (!node::Is(call, "call_expression")) continue;
    for (TSNode arg : node::Arguments(call))
      if (node::Text(node::Unwrap(arg), source) == name) return true;
  }
  return false;
}

std::string Reason(const Write& w, std::string_view source) {
  return "the file may give the receiver a createSource of its own at line " +
         std::to_string(node::Line(w.at)) + " (" +
         Quote(node::Text(w.at, source)) +
         "), which would run before DigitalRiver.js sees the payload";
}

}  // namespace

std::string CreateSourcePatched(TSNode receiver,
                                const std::vector<TSNode>& held,
                                std::string_view source) {
  if (source.find("Source") == std::string_view::npos) return "";
  receiver = node::Unwrap(receiver);
  TSNode root = ts_tree_root_node(receiver.tree);
  thread_local TreeMemo<std::vector<Write>> memo;
  std::vector<Write> writes =
      memo.Get(root, "", [&] { return WritesOf(root, source); });
  std::vector<TSNode> values = held;
  // `makeAudited().createSource(...)`: the receiver is its own value.
  if (node::Is(receiver, "call_expression") ||
      node::Is(receiver, "new_expression"))
    values.push_back(receiver);
  for (TSNode value : values) {
    value = node::Unwrap(value);
    if (node::Is(value, "new_expression") &&
        node::Text(node::Field(value, "constructor"), source) == "Proxy")
      return "the receiver is a Proxy (line " +
             std::to_string(node::Line(value)) +
             "), whose handler may answer for createSource with code of its "
             "own, which would see the payload first";
  }
  if (writes.empty()) return "";
  // The names the receiver goes by: its text, its chain's base, and the
  // names it is set from (`dr = logged`).
  std::vector<std::string_view> names = {node::Text(receiver, source)};
  if (std::optional<MemberChain> chain = ChainOf(receiver, source))
    names.push_back(node::Text(chain->base, source));
  for (TSNode value : values) {
    if (node::Is(node::Unwrap(value), "identifier"))
      names.push_back(node::Text(node::Unwrap(value), source));
  }
  for (const Write& w : writes) {
    std::string_view onto = node::Text(w.object, source);
    bool named = std::find(names.begin(), names.end(), onto) != names.end();
    // Onto a variable the receiver's value came through (`var logged =
    // Object.create(dr); logged.createSource = ...; dr = logged`).
    TSNode held{};
    if (node::Is(w.object, "identifier")) {
      Binding b = ResolveName(onto, w.object, source);
      if (b.kind == Binding::Kind::kVariable)
        held = node::Unwrap(node::Field(b.declarator, "value"));
    }
    bool made = false;
    for (TSNode value : values) {
      value = node::Unwrap(value);
      made = made || (!ts_node_is_null(held) && ts_node_eq(held, value));
      TSNode factory = LocalFunctionCalled(value, source);
      made = made || Within(w.at, value) ||
             (!ts_node_is_null(factory) && Within(w.at, factory));
    }
    bool handed = false;
    for (std::string_view name : names)
      handed = handed || HelperGets(w, name, root, source);
    if (named || made || handed) return Reason(w, source);
  }
  return "";
}

}  // namespace psm
