#include "php/php_payload_roots.h"

#include <algorithm>
#include <set>
#include <string>

#include "common/strings.h"
#include "find/scope.h"
#include "php/php_array_view.h"
#include "php/php_callback_builtins.h"
#include "php/php_flow.h"
#include "php/php_syntax.h"
#include "php/php_variable_uses.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

// Callers followed up from a helper's `return`.
constexpr int kMaxDepth = 3;

class RootFinder {
 public:
  RootFinder(std::string_view source, const FileIndex& index,
             const RuleTable& rules)
      : source_(source), index_(index), rules_(rules) {}

  std::vector<PayloadRoot> Find(TSNode root) {
    std::vector<TSNode> todo{root};
    while (!todo.empty()) {
      TSNode n = todo.back();
      todo.pop_back();
      if (node::Is(n, "array_element_initializer")) Element(n);
      if (node::Is(n, "assignment_expression")) Write(n);
      std::vector<TSNode> children = node::NamedChildren(n);
      for (auto it = children.rbegin(); it != children.rend(); ++it)
        todo.push_back(*it);
    }
    return std::move(roots_);
  }

 private:
  // A `type` value that could name a method: a string of the table, or a
  // value the tool cannot read here (a parameter, a call, ...).
  bool MayNameMethod(TSNode value) const {
    ValueContext ctx{source_, &index_, ScopeOf(value), {}};
    std::optional<std::string> text = StringOf(value, ctx);
    return !text || rules_.Find(*text) != nullptr;
  }

  // `'type' => value` in an array.
  void Element(TSNode element) {
    std::vector<TSNode> parts = node::NamedChildren(element);
    std::string key;
    if (parts.size() != 2 || !StringValue(parts[0], source_, &key) ||
        key != "type" || !MayNameMethod(parts[1])) {
      return;
    }
    TSNode array = node::Parent(element);
    FromValue(array, node::Range(element), 0);
  }

  // `$p['type'] = value;`, `$p['payPal'] = ...;`, `$p['payPal'][...] = ...`.
  void Write(TSNode assignment) {
    std::optional<AccessPath> path =
        ReadAccessPath(node::Field(assignment, "left"), source_);
    if (!path || path->dynamic || path->keys.empty()) return;
    std::vector<std::string> holder_path;
    bool type_write = path->keys.back() == "type" && !path->push;
    if (type_write) {
      if (!MayNameMethod(node::Field(assignment, "right"))) return;
      holder_path.assign(path->keys.begin(), path->keys.end() - 1);
    } else {
      // The first key that names a method: the holder is above it.
      size_t at = 0;
      while (at < path->keys.size() && !rules_.Find(path->keys[at])) ++at;
      if (at == path->keys.size()) return;
      holder_path.assign(path->keys.begin(), path->keys.begin() + at);
    }
    Holder holder{ScopeOf(assignment),
                  std::string(VariableName(path->variable, source_)),
                  holder_path,
                  {}};
    if (holder.variable == "this") return;
    Lift(holder, node::Range(assignment), 0);
  }

  // The roots of a value that is the payload.
  void FromValue(TSNode value, ByteRange found_at, int depth) {
    Flow flow = FollowValue(value, {}, source_);
    if (flow.kind == Flow::Kind::kStored && flow.variable != "this") {
      Lift({ScopeOf(value), flow.variable, flow.path, {}}, found_at, depth);
      return;
    }
    if (flow.kind == Flow::Kind::kReturned && flow.path.empty() &&
        ToCallers(flow, found_at, depth)) {
      return;
    }
    Add({{ScopeOf(value), "", {}, value}, found_at});
  }

  // A holder whose array a helper returns: its callers hold the payload.
  void Lift(const Holder& holder, ByteRange found_at, int depth) {
    for (const VariableUse& use :
         FindUses(holder.scope, holder.variable, holder.path, source_)) {
      if (use.kind != VariableUse::Kind::kValue || !use.inside.empty())
        continue;
      Flow flow = FollowValue(use.node, {}, source_);
      if (flow.kind == Flow::Kind::kReturned && flow.path.empty() &&
          ToCallers(flow, found_at, depth)) {
        return;
      }
    }
    Add({holder, found_at});
  }

  bool ToCallers(const Flow& flow, ByteRange found_at, int depth) {
    if (depth >= kMaxDepth) return false;
    TSNode function = ScopeOf(flow.at);
    TSNode root = ts_tree_root_node(flow.at.tree);
    std::vector<TSNode> calls;
    if (const FunctionInfo* f = index_.FunctionAt(function)) {
      // Also called through a callable (`array_map('build', $a)`): the
      // array stays where it is returned, which then needs review
      // (Content).
      if (!ts_node_is_null(CallableStringNaming(root, f->name, source_)))
        return false;
      calls = index_.CallsOf(*f);
    }
    for (TSNode call : CallsByShape(function, root)) {
      if (std::none_of(calls.begin(), calls.end(),
                       [&](TSNode c) { return ts_node_eq(c, call); }))
        calls.push_back(call);
    }
    if (calls.empty()) return false;
    for (TSNode call : calls) FromValue(call, found_at, depth + 1);
    return true;
  }

  // The calls of `function` the file index does not tie to it by class:
  // for a method (of a trait, a base class, an anonymous class), every
  // call of a method of its name (`$this->payload()`, `parent::payload()`,
  // `$b->build()`), and for `__invoke` every call of a variable
  // (`$make(12.5)`); for a closure, the calls of the variable it is put in
  // (`$make = function ...; $make(12.5)`) or the built-in it is handed to
  // that returns what it returns (`array_map(function ...)`). Which object
  // or class a call is of is not followed: any may be one.
  std::vector<TSNode> CallsByShape(TSNode function, TSNode root) {
    std::vector<TSNode> calls;
    std::string_view type = node::Type(function);
    if (type == "method_declaration") {
      std::string_view name =
          node::Text(node::Field(function, "name"), source_);
      bool invoke = Lowered(name) == "__invoke";
      ForEachDescendant(root, true, [&](TSNode n) {
        std::string_view kind = node::Type(n);
        bool method_call = kind == "member_call_expression" ||
                           kind == "nullsafe_member_call_expression" ||
                           kind == "scoped_call_expression";
        if (method_call && SameName(CalledName(n, source_), name))
          calls.push_back(n);
        TSNode callee = node::Field(n, "function");
        if (invoke && kind == "function_call_expression" &&
            !node::Is(callee, "name") && !node::Is(callee, "qualified_name"))
          calls.push_back(n);
      });
      return calls;
    }
    if (type != "anonymous_function" && type != "arrow_function") return calls;
    TSNode up = node::Parent(function);
    if (node::Is(up, "assignment_expression") &&
        node::Is(node::Field(up, "left"), "variable_name")) {
      std::string_view variable = node::Text(node::Field(up, "left"), source_);
      ForEachDescendant(root, true, [&](TSNode n) {
        if (node::Is(n, "function_call_expression") &&
            node::Text(node::Field(n, "function"), source_) == variable)
          calls.push_back(n);
      });
    } else if (node::Is(up, "argument")) {
      TSNode call = node::Parent(node::Parent(up));
      const CallbackBuiltin* taker =
          FindCallbackBuiltin(CalledName(call, source_));
      if (taker && taker->returns_its_result) calls.push_back(call);
    }
    return calls;
  }

  void Add(PayloadRoot root) {
    const Holder& h = root.holder;
    std::string key = std::to_string(ts_node_start_byte(h.scope)) + ":" +
                      h.variable + ":" +
                      std::to_string(ts_node_start_byte(h.expression));
    for (const std::string& p : h.path) key += "\x1f" + p;
    if (seen_.insert(key).second) roots_.push_back(std::move(root));
  }

  std::string_view source_;
  const FileIndex& index_;
  const RuleTable& rules_;
  std::vector<PayloadRoot> roots_;
  std::set<std::string> seen_;
};

}  // namespace

std::vector<PayloadRoot> FindPayloadRoots(TSNode root, std::string_view source,
                                          const FileIndex& index,
                                          const RuleTable& rules) {
  return RootFinder(source, index, rules).Find(root);
}

}  // namespace psm::php
