#include "php/php_variable_uses.h"

#include <optional>

#include "find/object_builder.h"
#include "find/scope.h"
#include "php/php_syntax.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

using Kind = VariableUse::Kind;

bool IsNamed(TSNode n, std::string_view name, std::string_view source) {
  return node::Is(n, "variable_name") && VariableName(n, source) == name;
}

// How a closure sees the variable: not at all, as a copy, or by reference.
enum class Capture { kNone, kCopy, kReference };

Capture CaptureOf(TSNode function, std::string_view name,
                  std::string_view source) {
  for (TSNode p : node::NamedChildren(node::Field(function, "parameters"))) {
    if (IsNamed(node::Field(p, "name"), name, source)) return Capture::kNone;
  }
  if (node::Is(function, "arrow_function")) return Capture::kCopy;
  for (TSNode child : node::NamedChildren(function)) {
    if (!node::Is(child, "anonymous_function_use_clause")) continue;
    for (TSNode captured : node::NamedChildren(child)) {
      if (IsNamed(captured, name, source)) return Capture::kCopy;
      if (node::Is(captured, "by_ref") &&
          IsNamed(ts_node_named_child(captured, 0), name, source)) {
        return Capture::kReference;
      }
    }
  }
  return Capture::kNone;
}

class UseCollector {
 public:
  UseCollector(std::string_view name, const std::vector<std::string>& prefix,
               std::string_view source)
      : name_(name), prefix_(prefix), source_(source) {}

  std::vector<VariableUse> Collect(TSNode scope) {
    TSNode body = IsFunction(scope) ? node::Field(scope, "body") : scope;
    std::vector<std::pair<TSNode, bool>> stack{{body, false}};
    while (!stack.empty()) {
      auto [n, in_closure] = stack.back();
      stack.pop_back();
      if (!Enter(n, &in_closure)) continue;
      if (IsNamed(n, name_, source_)) Classify(n, in_closure);
      std::vector<TSNode> children = node::NamedChildren(n);
      for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.emplace_back(*it, in_closure);
    }
    return std::move(uses_);
  }

 private:
  // Whether to look inside `n`: other functions and classes have their own
  // variables; closures only see what they capture.
  bool Enter(TSNode n, bool* in_closure) {
    std::string_view type = node::Type(n);
    if (type == "anonymous_function" || type == "arrow_function") {
      Capture capture = CaptureOf(n, name_, source_);
      if (capture == Capture::kReference) Add(Kind::kOpaque, n);
      if (capture != Capture::kCopy) return false;
      *in_closure = true;
      return true;
    }
    if (type == "anonymous_function_use_clause") return false;
    return !IsFunction(n) && type != "class_declaration" &&
           type != "anonymous_class" && type != "formal_parameters";
  }

  VariableUse& Add(Kind kind, TSNode n) {
    VariableUse use;
    use.kind = kind;
    use.node = n;
    use.statement = StatementOf(n);
    uses_.push_back(std::move(use));
    return uses_.back();
  }

  void Classify(TSNode variable, bool in_closure) {
    TSNode top = ChainTop(variable);
    std::optional<AccessPath> path = ReadAccessPath(top, source_);
    if (!path) return;
    size_t common = 0;
    while (common < path->keys.size() && common < prefix_.size()) {
      if (path->keys[common] != prefix_[common]) return;  // another key
      ++common;
    }
    bool container = common < prefix_.size();
    if (container && !path->dynamic && common < path->keys.size()) return;
    std::vector<std::string> rest(path->keys.begin() + common,
                                  path->keys.end());
    std::vector<std::string> inside(prefix_.begin() + common, prefix_.end());
    VariableUse use =
        Context(top, container ? std::vector<std::string>() : rest, *path);
    if (container && path->dynamic) {
      use.kind = use.kind == Kind::kRead ? Kind::kRead : Kind::kOpaque;
      use.keys.clear();  // any key: the whole array may be the one read
    }
    if (in_closure && (use.kind == Kind::kWrite || use.kind == Kind::kAssign))
      return;  // a copy's write changes nothing here
    // The whole array in a closure goes wherever the closure is called
    // from (`return $payload;` in it returns to that caller, not ours).
    if (in_closure && use.kind == Kind::kValue) use.kind = Kind::kOpaque;
    use.inside =
        container && !path->dynamic ? inside : std::vector<std::string>();
    use.in_closure = in_closure;
    use.statement = StatementOf(top);
    uses_.push_back(std::move(use));
  }

  // What the code around the access `top` does with it.
  VariableUse Context(TSNode top, std::vector<std::string> keys,
                      const AccessPath& path) {
    VariableUse use;
    use.node = top;
    use.keys = std::move(keys);
    use.push = path.push;
    use.dynamic = path.dynamic;
    TSNode parent = node::Parent(top);
    std::string_view type = node::Type(parent);
    bool is_left = ts_node_eq(node::Field(parent, "left"), top);
    bool whole = use.keys.empty() && !use.push && !use.dynamic;
    if (type == "assignment_expression" && is_left) {
      use.kind = whole ? Kind::kAssign : Kind::kWrite;
      use.value = node::Field(parent, "right");
    } else if (type == "augmented_assignment_expression" && is_left) {
      use.kind = whole ? Kind::kOpaque : Kind::kWrite;
      use.value = node::Field(parent, "right");
    } else if (type == "update_expression" || type == "unset_statement") {
      use.kind = whole ? Kind::kOpaque : Kind::kWrite;
    } else if (type == "reference_assignment_expression" || type == "by_ref" ||
               type == "list_literal" || type == "global_declaration" ||
               type == "pair" || RebindsOrWritesInLoop(parent, top)) {
      use.kind = Kind::kOpaque;  // by reference, or (re)bound by a loop
    } else {
      use.kind = use.keys.empty() && !use.dynamic ? Kind::kValue : Kind::kRead;
    }
    return use;
  }

  // `foreach ($x as $v)` rebinds `$v`; `foreach ($v as &$item)` can write
  // through `$item` into `$v`.
  static bool RebindsOrWritesInLoop(TSNode loop, TSNode top) {
    if (!node::Is(loop, "foreach_statement")) return false;
    if (!ts_node_eq(ts_node_named_child(loop, 0), top)) return true;
    for (TSNode child : node::NamedChildren(loop)) {
      if (node::Is(child, "by_ref")) return true;
      if (node::Is(child, "pair") &&
          node::Is(ts_node_named_child(child, 1), "by_ref")) {
        return true;
      }
    }
    return false;
  }

  std::string_view name_;
  const std::vector<std::string>& prefix_;
  std::string_view source_;
  std::vector<VariableUse> uses_;
};

}  // namespace

std::vector<VariableUse> FindUses(TSNode scope, std::string_view name,
                                  const std::vector<std::string>& prefix,
                                  std::string_view source) {
  return UseCollector(name, prefix, source).Collect(scope);
}

bool RunsInOrder(const std::vector<VariableUse>& uses, TSNode store,
                 TSNode scope) {
  for (const VariableUse& use : uses)
    if (use.kind == VariableUse::Kind::kOpaque) return false;
  for (TSNode up = node::Parent(store);
       !ts_node_is_null(up) && !ts_node_eq(up, scope); up = node::Parent(up)) {
    std::string_view type = node::Type(up);
    if (type == "for_statement" || type == "foreach_statement" ||
        type == "while_statement" || type == "do_statement")
      return false;
  }
  bool jumps = false;
  ForEachDescendant(scope, false, [&](TSNode n) {
    jumps = jumps || node::Is(n, "goto_statement");
  });
  return !jumps;
}

bool UsedBefore(const VariableUse& use, TSNode store) {
  return !use.in_closure &&
         ts_node_end_byte(use.node) <= ts_node_start_byte(store);
}

bool IsPlainWrite(const VariableUse& use) {
  TSNode assignment = node::Parent(use.node);
  return node::Is(assignment, "assignment_expression") &&
         node::Is(use.statement, "expression_statement") &&
         ts_node_eq(node::Parent(assignment), use.statement) &&
         IsBlockStatement(use.statement) && !use.in_closure;
}

bool UsesVariablesByName(TSNode scope, std::string_view source) {
  std::vector<TSNode> todo{scope};
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    if (node::Is(n, "dynamic_variable_name")) return true;
    if (IsCall(n)) {
      std::string_view name = CalledName(n, source);
      if (SameName(name, "compact") || SameName(name, "extract") ||
          SameName(name, "get_defined_vars"))
        return true;
    }
    for (TSNode child : node::NamedChildren(n)) {
      if (!IsFunction(child)) todo.push_back(child);
    }
  }
  return false;
}

namespace {

bool IsInclude(TSNode n) {
  std::string_view t = node::Type(n);
  return t == "include_expression" || t == "include_once_expression" ||
         t == "require_expression" || t == "require_once_expression";
}

std::string LineOf(TSNode n) { return std::to_string(node::Line(n)); }

}  // namespace

std::string OtherCodeInScope(TSNode scope, uint32_t after,
                             std::string_view variable,
                             std::string_view source) {
  std::vector<TSNode> todo{scope};
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    if (IsInclude(n) && ts_node_start_byte(n) > after) {
      return Quote(node::Text(n, source)) + " at line " + LineOf(n) +
             " runs another file in this scope, which sees " +
             Quote("$" + std::string(variable));
    }
    if (IsCall(n) && SameName(CalledName(n, source), "ob_start")) {
      return "the output is buffered (" + Quote(node::Text(n, source)) +
             " at line " + LineOf(n) +
             "): what is echoed may be kept or sent elsewhere";
    }
    for (TSNode child : node::NamedChildren(n)) {
      if (!IsFunction(child)) todo.push_back(child);
    }
  }
  // A variable of the file's top level is a global: any function may read
  // it (`global $payload`, `$GLOBALS['payload']`).
  if (node::Is(scope, "program")) {
    std::string global = "global $" + std::string(variable);
    if (source.find("$GLOBALS") != std::string_view::npos ||
        source.find(global) != std::string_view::npos)
      return Quote("$" + std::string(variable)) +
             " is a global of this file, and the file reads globals (" +
             Quote(source.find("$GLOBALS") != std::string_view::npos
                       ? "$GLOBALS"
                       : global) +
             ")";
  }
  return "";
}

}  // namespace psm::php
