#include "php/php_array_view.h"

#include <memory>

#include "php/php_effects.h"
#include "php/php_empty_values.h"
#include "php/php_session_values.h"
#include "php/php_syntax.h"
#include "php/php_variable_uses.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

// Nested arrays deeper than this are left as values (hostile input).
constexpr int kMaxDepth = 32;

int LineOf(TSNode n) {
  return static_cast<int>(ts_node_start_point(n).row) + 1;
}


// The value's own reading: string, nested view, effect.
void ReadValue(TSNode value, const ValueContext& ctx, int depth, Member* m) {
  m->value_range = node::Range(value);
  m->string_value = StringOf(value, ctx);
  TSNode inner = Unparen(value);
  if (depth < kMaxDepth && node::Is(inner, "array_creation_expression")) {
    m->object =
        std::make_unique<ObjectLiteral>(ArrayView(inner, ctx, depth + 1));
  } else if (depth < kMaxDepth && node::Is(inner, "variable_name")) {
    std::string_view name = VariableName(inner, ctx.source);
    TSNode array = SingleArrayAssignment(name, ctx);
    if (!ts_node_is_null(array)) {
      m->object =
          std::make_unique<ObjectLiteral>(ArrayView(array, ctx, depth + 1));
      m->set_object_origin("variable `$" + std::string(name) + "` (line " +
                           std::to_string(LineOf(array)) + ")");
    }
  }
  m->set_value_effect(PhpSideEffectOf(value, ctx.source, *ctx.index));
  if (m->key == "sessionId" && !IsEmptyValue(value, ctx.source) &&
      SessionValueMayBeEmpty(value, ctx))
    m->set_empty_at_times(std::string(node::Text(value, ctx.source)));
}

// The key of `key => value`; a key the tool cannot read is opaque.
void ReadKey(TSNode key, const ValueContext& ctx, Member* m) {
  m->key_range = node::Range(key);
  std::string text;
  if (StringValue(key, ctx.source, &text)) {
    m->key = text;
    m->key_quote = ctx.source[m->key_range.begin];
  } else if (node::Is(key, "integer")) {
    m->key = std::string(node::Text(key, ctx.source));
  } else if (auto constant = ctx.index->ConstantString(key)) {
    m->key = *constant;
    m->key_quote = '\'';  // a new member next to it gets a quoted key
  } else {
    m->kind = Member::Kind::kComputed;
    m->key_quote = '\'';
  }
}

Member ReadElement(TSNode element, const ValueContext& ctx, int depth,
                   int* next_index) {
  Member m;
  m.range = node::Range(element);
  std::vector<TSNode> parts = node::NamedChildren(element);
  bool keyed = false;
  for (TSNode child : node::Children(element)) {
    if (node::Type(child) == "=>") keyed = true;
  }
  if (parts.size() == 1 && node::Is(parts[0], "variadic_unpacking")) {
    m.kind = Member::Kind::kSpread;
    m.value_range = node::Range(parts[0]);
    return m;
  }
  if (keyed && parts.size() == 2) {
    ReadKey(parts[0], ctx, &m);
    ReadValue(parts[1], ctx, depth, &m);
    return m;
  }
  // A list item: its key is the next integer.
  m.key = std::to_string((*next_index)++);
  if (!parts.empty()) {
    m.key_range = {m.range.begin, m.range.begin};
    ReadValue(parts.back(), ctx, depth, &m);
  }
  return m;
}

}  // namespace

bool IsParameterOf(std::string_view name, const ValueContext& ctx) {
  if (!IsFunction(ctx.scope)) return false;
  for (TSNode p : node::NamedChildren(node::Field(ctx.scope, "parameters"))) {
    TSNode variable = node::Field(p, "name");
    if (node::Is(variable, "by_ref"))
      variable = ts_node_named_child(variable, 0);
    if (VariableName(variable, ctx.source) == name) return true;
  }
  return false;
}

std::optional<std::string> StringOf(TSNode value, const ValueContext& ctx) {
  std::string text;
  if (StringValue(value, ctx.source, &text)) return text;
  TSNode inner = Unparen(value);
  if (node::Is(inner, "variable_name")) {
    auto it = ctx.bound.find(std::string(VariableName(inner, ctx.source)));
    if (it != ctx.bound.end()) return it->second;
    return std::nullopt;
  }
  return ctx.index->ConstantString(inner);
}

ObjectLiteral ArrayView(TSNode array, const ValueContext& ctx, int depth) {
  ObjectLiteral view;
  view.range = node::Range(array);
  view.has_error = ts_node_has_error(array);
  int next_index = 0;
  for (TSNode child : node::Children(array)) {
    if (node::Is(child, "array_element_initializer")) {
      view.members.push_back(ReadElement(child, ctx, depth, &next_index));
    } else if (node::Type(child) == "," && !view.members.empty()) {
      view.members.back().comma = node::Range(child);
    }
  }
  return view;
}

Member StatementMember(TSNode statement, TSNode key, TSNode value,
                       const ValueContext& ctx) {
  Member m;
  m.range = node::Range(statement);
  ReadKey(key, ctx, &m);
  ReadValue(value, ctx, 0, &m);
  return m;
}

// The helper's parameters bound to the strings its caller passes.
ValueContext BindArguments(TSNode call, const FunctionInfo& helper,
                           const ValueContext& caller) {
  ValueContext inner{caller.source, caller.index, helper.node, {}};
  std::vector<TSNode> args =
      node::NamedChildren(node::Field(call, "arguments"));
  for (size_t i = 0; i < args.size() && i < helper.parameters.size(); ++i) {
    TSNode name = node::Field(args[i], "name");
    std::string parameter = ts_node_is_null(name)
                                ? helper.parameters[i]
                                : std::string(node::Text(name, caller.source));
    uint32_t parts = ts_node_named_child_count(args[i]);
    if (parts == 0) continue;
    TSNode value = ts_node_named_child(args[i], parts - 1);
    if (auto text = StringOf(value, caller)) inner.bound[parameter] = *text;
  }
  return inner;
}

TSNode SingleArrayAssignment(std::string_view name, const ValueContext& ctx) {
  if (name == "this" || IsParameterOf(name, ctx)) return TSNode{};
  TSNode array{};
  int assignments = 0;
  for (const VariableUse& use : FindUses(ctx.scope, name, {}, ctx.source)) {
    if (use.kind == VariableUse::Kind::kOpaque) return TSNode{};
    if (use.kind != VariableUse::Kind::kAssign) continue;
    ++assignments;
    array = Unparen(use.value);
  }
  if (assignments != 1 || !node::Is(array, "array_creation_expression"))
    return TSNode{};
  return array;
}

}  // namespace psm::php
