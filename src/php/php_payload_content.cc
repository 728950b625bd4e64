#include "php/php_payload_content.h"

#include <algorithm>
#include <cctype>

#include "common/strings.h"
#include "find/object_builder.h"
#include "php/php_effects.h"
#include "php/php_session_values.h"
#include "php/php_flow.h"
#include "php/php_loop_trace.h"
#include "php/php_syntax.h"
#include "php/php_variable_uses.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

// Helpers followed into helpers, containers into containers.
constexpr int kMaxDepth = 3;

using UseKind = VariableUse::Kind;

std::string Line(TSNode n) {
  return std::to_string(ts_node_start_point(n).row + 1);
}

std::string Dotted(const std::vector<std::string>& keys) {
  return Join(keys, ".");
}

// `$name['a']['b']` for messages.
std::string Written(std::string_view variable,
                    const std::vector<std::string>& path) {
  std::string text = "$" + std::string(variable);
  for (const std::string& key : path) text += "['" + key + "']";
  return text;
}

class ContentReader {
 public:
  ContentReader(const ValueContext& ctx, int depth)
      : ctx_(ctx), depth_(depth) {}

  Content Read(const Holder& holder) {
    if (holder.variable.empty()) {
      content_.anchors.push_back(node::Range(holder.expression));
      FromValue(holder.expression, "inline");
      FollowOut(holder.expression, {}, "the array", 0);
      return std::move(content_);
    }
    name_ = Written(holder.variable, holder.path);
    variable_ = "$" + holder.variable;
    path_ = holder.path;
    FromUses(holder);
    return std::move(content_);
  }

 private:
  void FromUses(const Holder& holder) {
    if (IsParameterOfScope(holder.variable)) {
      content_.blind_spots.push_back(
          Quote("$" + holder.variable) +
          " is a parameter: the fields its callers put in it are not seen "
          "here; migrate them where the array is made");
      // Its caller may hold it by reference or read it after the call.
      content_.observers.push_back(
          {"", Quote("$" + holder.variable) + " comes from the caller"});
    }
    if (UsesVariablesByName(holder.scope, ctx_.source)) {
      content_.observers.push_back(
          {"",
           "the function reads its variables by name (compact(), "
           "extract(), $$name)"});
    }
    std::vector<Member> statements;
    std::vector<VariableUse> uses =
        FindUses(holder.scope, holder.variable, holder.path, ctx_.source);
    if (!uses.empty()) {
      std::string other =
          OtherCodeInScope(holder.scope, ts_node_start_byte(uses[0].node),
                           holder.variable, ctx_.source);
      if (!other.empty()) content_.observers.push_back({"", std::move(other)});
    }
    for (const VariableUse& use : uses) {
      switch (use.kind) {
        case UseKind::kAssign:
          // `if ($on) { $p = array_merge($p, [...]); }` adds only at times.
          merged_at_times_ = !ts_node_is_null(assigned_in_) &&
                             !ts_node_eq(node::Parent(use.statement),
                                         assigned_in_);
          assigned_in_ = node::Parent(use.statement);
          Assigned(use);
          break;
        case UseKind::kWrite:
          Write(use, "", &statements);
          break;
        case UseKind::kRead:
          Read(use, "");
          break;
        case UseKind::kValue:
          FollowOut(use.node, use.inside,
                    Quote(node::Text(use.node, ctx_.source)), 0);
          break;
        case UseKind::kOpaque:
          Opaque(use, "");
          break;
      }
    }
    AddStatements(std::move(statements));
  }

  bool IsParameterOfScope(const std::string& variable) const {
    if (!IsFunction(ctx_.scope)) return false;
    const FunctionInfo* f = ctx_.index->FunctionAt(ctx_.scope);
    if (!f) return false;
    for (const std::string& p : f->parameters) {
      if (p == variable) return true;
    }
    return false;
  }

  void Assigned(const VariableUse& use) {
    TSNode value = use.value;
    if (!use.inside.empty()) {
      value = ValueAtKeys(value, use.inside,
                          ctx_.source);    // `$r = ['payload' => [...]]`
      if (ts_node_is_null(value)) return;  // sets the other keys
    }
    content_.anchors.push_back(node::Range(value));
    FromValue(value, Quote(name_) + " (line " + Line(value) + ")");
  }

  // The arrays a value stands for.
  void FromValue(TSNode value, const std::string& origin) {
    ValuePieces split = SplitValue(value, ctx_.source);
    if (split.kind == ValuePieces::Kind::kChoice) {
      for (TSNode piece : split.pieces) FromValue(piece, origin);
      return;
    }
    if (split.kind == ValuePieces::Kind::kMerge) {
      FromMerge(split.pieces, origin);
      return;
    }
    TSNode inner = Unparen(value);
    if (node::Is(inner, "array_creation_expression")) {
      if (ts_node_named_child_count(inner) == 0) return;  // `[]`: nothing yet
      PayloadLiteral literal{ArrayView(inner, ctx_), origin, -1};
      TrackNested(literal.object, "");
      content_.units.push_back({});
      content_.units.back().push_back(std::move(literal));
      return;
    }
    const FunctionInfo* helper =
        IsCall(inner) ? ctx_.index->Callee(inner) : nullptr;
    if (helper && depth_ < kMaxDepth) {
      FromHelper(inner, *helper);
      return;
    }
    for (TSNode argument :
         node::NamedChildren(node::Field(inner, "arguments"))) {
      std::string text;
      if (StringValue(ts_node_named_child(argument, 0), ctx_.source, &text))
        content_.unseen_call_strings.push_back(std::move(text));
    }
    content_.blind_spots.push_back(
        (name_.empty() ? "the payload" : Quote(name_)) + " is " +
        Quote(node::Text(value, ctx_.source)) + " (line " + Line(value) +
        "), which the tool cannot see into; make sure it no longer carries "
        "the fields payment sessions drop");
  }

  void FromHelper(TSNode call, const FunctionInfo& helper);
  void FromMerge(const std::vector<TSNode>& pieces, const std::string& origin);

  void Write(const VariableUse& use, const std::string& prefix,
             std::vector<Member>* statements) {
    // A write beside the array's assignment, in its block, runs whenever
    // the array is made there; one under an `if` of its own only at times
    // (a `'sessionId'` set so is not on every path).
    bool every_path =
        !ts_node_is_null(assigned_in_) && !ts_node_is_null(use.statement) &&
        ts_node_eq(node::Parent(use.statement), assigned_in_);
    if (statements && use.keys.size() == 1 && !use.push && !use.dynamic &&
        IsPlainWrite(use) && every_path) {
      TSNode key = ts_node_named_child(use.node, 1);
      statements->push_back(
          StatementMember(use.statement, key, use.value, ctx_));
      return;
    }
    PayloadMutation m;
    if (!use.dynamic) {
      m.path = use.keys.empty() ? prefix.substr(0, prefix.size() - 1)
                                : prefix + Dotted(use.keys);
    }
    TSNode statement =
        ts_node_is_null(use.statement) ? use.node : use.statement;
    m.what = Quote(node::Text(statement, ctx_.source));
    m.statement = node::Range(statement);
    bool plain =
        IsPlainWrite(use) || (node::Is(statement, "unset_statement") &&
                              ts_node_named_child_count(statement) == 1);
    m.deletable =
        plain && IsBlockStatement(statement) &&
        (ts_node_is_null(use.value) ||
         PhpSideEffectOf(use.value, ctx_.source, *ctx_.index).empty());
    TSNode loop = LoopOnlyFor(statement);
    if (m.deletable && !ts_node_is_null(loop)) m.statement = node::Range(loop);
    m.always_before_call = every_path && IsPlainWrite(use);
    m.may_empty = m.path == "sessionId" &&
                  (node::Is(statement, "unset_statement") ||
                   (!ts_node_is_null(use.value) &&
                    SessionValueMayBeEmpty(use.value, ctx_)));
    content_.mutations.push_back(std::move(m));
  }

  // `foreach ($lines as $line) { <statement> }`: a loop that does nothing
  // else, over a value free of effects, goes with its statement.
  TSNode LoopOnlyFor(TSNode statement) const {
    TSNode body = node::Parent(statement);
    TSNode loop = node::Parent(body);
    if (!node::Is(body, "compound_statement") ||
        !node::Is(loop, "foreach_statement") ||
        ts_node_named_child_count(body) != 1 || !IsBlockStatement(loop)) {
      return TSNode{};
    }
    TSNode iterated = ts_node_named_child(loop, 0);
    if (!PhpSideEffectOf(iterated, ctx_.source, *ctx_.index).empty() ||
        !LoopLeavesNoTrace(loop, iterated, ctx_.source))
      return TSNode{};
    return loop;
  }

  void Read(const VariableUse& use, const std::string& prefix) {
    std::string path = prefix + Dotted(use.keys);
    if (!prefix.empty() && use.keys.empty()) path.pop_back();
    content_.observers.push_back(
        {path, Quote(node::Text(use.node, ctx_.source)) + " is read at line " +
                   Line(use.node)});
  }

  void Opaque(const VariableUse& use, const std::string& prefix) {
    std::string path =
        prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1);
    content_.observers.push_back(
        {path,
         Quote(node::Text(use.node, ctx_.source)) +
             (use.in_closure ? " is used whole in a closure (which may run "
                               "anywhere) at line "
                             : " is taken by reference or rebound at line ") +
             Line(use.node)});
  }

  // The named function or method whose `return` `flow` stops at.
  void NoteReturningFunction(const Flow& flow) {
    content_.returned_path = flow.path;  // a closure's too
    TSNode function = ScopeOf(flow.at);
    // `return [...]` at the top of a file (a config file): it goes to
    // whatever includes the file (`$limits = require 'payments.php'`),
    // which the tool does not follow.
    if (node::Is(function, "program")) {
      content_.observers.push_back(
          {"", "the file returns it (line " + Line(flow.at) +
                   ") to the code that includes it (`require`, `include`), "
                   "which may read every field"});
      return;
    }
    if (!node::Is(function, "method_declaration") &&
        !node::Is(function, "function_definition")) {
      return;
    }
    content_.returned_by =
        std::string(node::Text(node::Field(function, "name"), ctx_.source));
    content_.returned_by_method = node::Is(function, "method_declaration");
    TSNode callable = CallableStringNaming(ts_tree_root_node(function.tree),
                                           content_.returned_by, ctx_.source);
    if (!ts_node_is_null(callable)) {
      content_.observers.push_back(
          {"", Quote(content_.returned_by) + " is also named as a callable (" +
                   Quote(node::Text(callable, ctx_.source)) + ", line " +
                   Line(callable) + "), a call the tool cannot follow"});
    }
  }

  // Where the array goes from `value`; `inside` is where it sits in it.
  void FollowOut(TSNode value, std::vector<std::string> inside,
                 const std::string& who, int depth) {
    Flow flow = FollowValue(value, std::move(inside), ctx_.source);
    switch (flow.kind) {
      case Flow::Kind::kResponse:
        content_.response_paths.push_back(flow.path);
        return;
      case Flow::Kind::kPage:
        content_.page_prints.push_back(
            {ts_node_start_byte(flow.at), std::move(flow.path)});
        return;
      case Flow::Kind::kReturned:
        content_.returned = true;
        NoteReturningFunction(flow);
        return;
      case Flow::Kind::kStored:
        if ("$" + flow.variable == variable_ && flow.path == path_) {
          return;  // `$p = array_merge($p, [...])`: the array itself
        }
        if (depth < kMaxDepth) {
          Container(flow, depth + 1);
          return;
        }
        [[fallthrough]];
      case Flow::Kind::kElsewhere:
        content_.observers.push_back(
            {"", who + " is " + flow.what, flow.adds_nothing});
        return;
    }
  }

  // The variable the array was stored in: its uses of that key see it,
  // those before the store only where they may run after it (UsedBefore).
  void Container(const Flow& flow, int depth) {
    std::string who = Quote(Written(flow.variable, flow.path));
    std::vector<VariableUse> uses =
        FindUses(ctx_.scope, flow.variable, flow.path, ctx_.source);
    bool in_order = RunsInOrder(uses, flow.at, ctx_.scope);
    for (const VariableUse& use : uses) {
      if (in_order && UsedBefore(use, flow.at)) continue;
      if (use.kind == UseKind::kWrite) Write(use, "", nullptr);
      if (use.kind == UseKind::kRead) Read(use, "");
      if (use.kind == UseKind::kOpaque) Opaque(use, "");
      if (use.kind == UseKind::kValue)
        FollowOut(use.node, use.inside, who, depth);
    }
  }

  void TrackNested(const ObjectLiteral& view, const std::string& prefix);

  void AddStatements(std::vector<Member> members);

  const ValueContext& ctx_;
  int depth_;
  std::string name_;
  std::string variable_;  // "$payload", when a variable holds the array
  std::vector<std::string> path_;  // where in that variable
  TSNode assigned_in_{};  // the block of the array's latest assignment
  bool merged_at_times_ = false;  // that assignment is not in the block
                                  // of the one before it
  Content content_;
};

bool SetsType(const ObjectLiteral& object) {
  return std::any_of(object.members.begin(), object.members.end(),
                     [](const Member& m) { return m.key == "type"; });
}

// `array_merge($payload, [...])` adds to the array so far; any other merge
// starts one. Arrays merged in are parts of one payload; what else is
// merged in may carry any field.
void ContentReader::FromMerge(const std::vector<TSNode>& pieces,
                              const std::string& origin) {
  bool onto_self = !pieces.empty() && !content_.units.empty() &&
                   node::Text(Unparen(pieces[0]), ctx_.source) == variable_;
  if (!onto_self) content_.units.push_back({});
  for (size_t i = onto_self ? 1 : 0; i < pieces.size(); ++i) {
    TSNode piece = Unparen(pieces[i]);
    if (node::Is(piece, "array_creation_expression")) {
      PayloadLiteral part{ArrayView(piece, ctx_), origin, -1};
      // `$p = array_merge($p, ['type' => 'konbini', ...])` after `$p` has a
      // type, often in a branch: the call gets either type, and each drops
      // other fields (a card keeps `amount`).
      if (onto_self && SetsType(part.object) &&
          std::any_of(
              content_.units.back().begin(), content_.units.back().end(),
              [](const PayloadLiteral& p) { return SetsType(p.object); }) &&
          content_.refused.empty())
        content_.refused =
            Quote(node::Text(piece, ctx_.source)) +
            " sets the payment type again (line " + Line(piece) +
            "): which fields go depends on the type the call gets; left "
            "unchanged";
      if (onto_self && merged_at_times_) {
        for (Member& m : part.object.members) {
          if (m.key == "sessionId" && m.empty_at_times().empty())
            m.set_empty_at_times(std::string(node::Text(piece, ctx_.source)));
        }
      }
      TrackNested(part.object, "");
      content_.units.back().push_back(std::move(part));
      continue;
    }
    content_.blind_spots.push_back(
        Quote(node::Text(piece, ctx_.source)) +
        " is merged into the payload (line " + Line(piece) +
        "): it may carry amount or other fields payment sessions no longer "
        "accept");
    // It may hold the checkout's session: an added one would replace it.
    content_.merged_unseen.push_back(Quote(node::Text(piece, ctx_.source)));
  }
  if (content_.units.back().empty()) content_.units.pop_back();
}

namespace {

bool IsPrivateMethod(TSNode function) {
  if (!node::Is(function, "method_declaration")) return false;
  for (TSNode child : node::NamedChildren(function)) {
    if (node::Is(child, "visibility_modifier") &&
        ts_node_child_count(child) > 0 &&
        node::Is(ts_node_child(child, 0), "private"))
      return true;
  }
  return false;
}

}  // namespace

void ContentReader::FromHelper(TSNode call, const FunctionInfo& helper) {
  ValueContext inner = BindArguments(call, helper, ctx_);
  std::vector<TSNode> calls = ctx_.index->CallsOf(helper);
  bool shared = calls.size() > 1;
  Content::HelperCalls seen{helper.name, {}, !IsPrivateMethod(helper.node)};
  for (TSNode c : calls) seen.calls.push_back(node::Range(c));
  content_.helpers.push_back(std::move(seen));
  std::string origin = "returned by " + Quote(helper.name + "()");
  for (TSNode value : ReturnedValues(helper.node)) {
    std::string_view variable = VariableName(Unparen(value), ctx_.source);
    ContentReader reader(inner, depth_ + 1);
    Content got;
    if (variable.empty()) {
      reader.FromValue(value, origin + " (line " + Line(value) + ")");
      got = std::move(reader.content_);
    } else {
      got = reader.Read({helper.node, std::string(variable), {}, {}});
    }
    for (Unit& unit : got.units) content_.units.push_back(std::move(unit));
    for (PayloadMutation& m : got.mutations) {
      m.deletable = m.deletable && !shared;  // other callers see it too
      content_.mutations.push_back(std::move(m));
    }
    for (PayloadObserver& o : got.observers)
      content_.observers.push_back(std::move(o));
    for (std::string& b : got.blind_spots)
      content_.blind_spots.push_back(std::move(b));
  }
}

void ContentReader::TrackNested(const ObjectLiteral& view,
                                const std::string& prefix) {
  for (const Member& m : view.members) {
    if (!m.object) continue;
    std::string here = prefix + m.key + ".";
    TrackNested(*m.object, here);
    if (m.object_origin().empty()) continue;
    std::string_view variable = m.value_range.In(ctx_.source);
    if (!variable.starts_with("$")) continue;
    variable.remove_prefix(1);
    for (const VariableUse& use :
         FindUses(ctx_.scope, variable, {}, ctx_.source)) {
      bool the_member = node::Range(use.node) == m.value_range;
      if (use.kind == UseKind::kWrite) Write(use, here, nullptr);
      if (use.kind == UseKind::kRead) Read(use, here);
      if (use.kind == UseKind::kOpaque) Opaque(use, here);
      if (use.kind == UseKind::kValue && !the_member) {
        content_.observers.push_back({here.substr(0, here.size() - 1),
                                      Quote(node::Text(use.node, ctx_.source)) +
                                          " is used at line " +
                                          Line(use.node)});
      }
    }
  }
}

// The piecewise writes become one statements part, merged after the array
// they complete; with several arrays to complete, each write is a mutation.
void ContentReader::AddStatements(std::vector<Member> members) {
  if (members.empty()) return;
  if (content_.units.size() > 1) {
    for (const Member& m : members) {
      PayloadMutation mutation;
      mutation.path = m.key;
      mutation.what = Quote(m.range.In(ctx_.source));
      mutation.statement = m.range;
      mutation.deletable = m.value_effect().empty();
      content_.mutations.push_back(std::move(mutation));
    }
    return;
  }
  ObjectLiteral part;
  part.statements = true;
  part.range = {members.front().range.begin, members.back().range.end};
  for (const Member& m : members) content_.anchors.push_back(m.range);
  part.members = std::move(members);
  if (content_.units.empty()) content_.units.push_back({});
  content_.units.front().push_back(
      {std::move(part), "the statements that set " + Quote(name_ + "[...]"),
       -1});
}

}  // namespace

Content ReadHolder(const Holder& holder, const ValueContext& ctx) {
  return ContentReader(ctx, 0).Read(holder);
}

}  // namespace psm::php
