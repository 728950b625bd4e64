#include "find/object_builder.h"

#include "common/js_string.h"
#include "common/strings.h"
#include "find/closed_spread.h"
#include "find/class_fields.h"
#include "find/declared_type.h"
#include "find/effects.h"
#include "find/empty_values.h"
#include "find/enum_values.h"
#include "find/scope.h"
#include "find/this_readers.h"
#include "syntax/embedded_script.h"  // HoldsMaskedIsland
#include "syntax/node.h"

namespace psm {
namespace {

constexpr int kMaxDepth = 24;

void ReadKey(TSNode key, std::string_view source, Member* member) {
  member->key_range = node::Range(key);
  std::string_view type = node::Type(key);
  if (type == "string") {
    std::string value;
    if (node::StringLiteralValue(key, source, &value)) member->key = value;
    member->key_quote = node::Text(key, source)[0];
  } else if (type == "computed_property_name") {
    member->kind = Member::Kind::kComputed;
    std::string value;
    if (node::StringLiteralValue(ts_node_named_child(key, 0), source, &value)) {
      member->key = value;
    }
  } else {  // an identifier may spell itself with escapes: `\u0061mount`
    member->key = DecodeJsEscapes(node::Text(key, source));
  }
}

// Fills string_value / object for a member's value expression.
void ReadValue(TSNode written, std::string_view source, int depth,
               Member* member) {
  TSNode value = node::Unwrap(written);
  if (ts_node_is_null(value)) return;
  std::string text;
  if (node::StringLiteralValue(value, source, &text)) {
    if (!HoldsMaskedIsland(text)) member->string_value = text;
    return;
  }
  if (node::Is(value, "object") && depth < kMaxDepth) {
    member->object = std::make_unique<ObjectLiteral>(
        BuildObjectLiteral(value, source, depth + 1));
    // `payPal: {...} satisfies PayPalDetails`: a type of its own.
    member->object->declared = AssertedType(written, source);
    return;
  }
  if (node::Is(value, "member_expression") &&
      node::Is(node::Field(value, "object"), "this")) {
    // `type: this.type`, set once in the constructor.
    if (TraceFieldToString(value, source, &text)) member->string_value = text;
    return;
  }
  if (node::Is(value, "member_expression")) {
    // `type: PaymentType.PayPal`, a TypeScript enum of the file.
    if (TraceEnumMemberToString(value, source, &text))
      member->string_value = text;
    return;
  }
  bool name = node::Is(value, "identifier") ||
              node::Is(value, "shorthand_property_identifier");
  if (!name || depth >= kMaxDepth) return;
  if (TraceToConstString(value, source, &text)) {
    member->string_value = text;
    return;
  }
  TSNode literal = TraceToObjectLiteral(value, source);
  if (!ts_node_is_null(literal)) {
    member->object = std::make_unique<ObjectLiteral>(
        BuildObjectLiteral(literal, source, depth + 1));
    member->object->declared = DeclaredTypeAround(literal, source);
    member->set_object_origin("variable " + Quote(node::Text(value, source)) +
                              " (line " + std::to_string(node::Line(literal)) +
                              ")");
  }
}

// An inline object's effects are its members' (worked out when they were
// built); other values are walked once.
std::string EffectOfValue(TSNode value, const Member& member,
                          std::string_view source) {
  if (!member.object || !member.object_origin().empty() ||
      !node::Is(node::Unwrap(value), "object")) {
    return SideEffectOf(value, source);
  }
  for (const Member& m : member.object->members) {
    if (!m.value_effect().empty()) return m.value_effect();
  }
  return "";
}

// Why reading the accessor `get key() {...}` may do something besides
// producing a value (DigitalRiver.js reads every field it is given);
// empty for a plain method, a setter, or a getter that only returns an
// expression without effects.
std::string EffectOfGetter(TSNode method, const Member& member,
                           std::string_view source) {
  bool getter = false;
  for (TSNode c : node::Children(method)) getter |= node::Is(c, "get");
  if (!getter) return "";
  std::string what = "the getter " + Quote(member.key) + " runs code when read";
  std::vector<TSNode> statements;
  for (TSNode s : node::NamedChildren(node::Field(method, "body"))) {
    if (!node::IsComment(s)) statements.push_back(s);
  }
  if (statements.size() != 1 || !node::Is(statements[0], "return_statement"))
    return what;
  TSNode value = ts_node_named_child(statements[0], 0);
  if (ts_node_is_null(value)) return "";
  std::string effect = SideEffectOf(value, source);
  return effect.empty() ? "" : what + ": " + effect;
}

// The kinds of member an object literal has in the JavaScript and
// TypeScript grammars; BuildMember takes any other as a spread.
bool IsMemberKind(std::string_view type) {
  return type == "pair" || type == "shorthand_property_identifier" ||
         type == "method_definition" || type == "spread_element";
}

// `*reads_this` is set when the member is a method using `this` (UsesThis).
Member BuildMember(TSNode n, std::string_view source, int depth,
                   bool* reads_this) {
  Member member;
  member.range = node::Range(n);
  std::string_view type = node::Type(n);
  if (type == "pair") {
    // `key: value` holds these two named children unless a comment sits
    // in it; by index they cost a third of two field lookups (issue 14).
    bool plain = ts_node_named_child_count(n) == 2;
    ReadKey(plain ? ts_node_named_child(n, 0) : node::Field(n, "key"), source,
            &member);
    TSNode value = plain ? ts_node_named_child(n, 1) : node::Field(n, "value");
    member.value_range = node::Range(value);
    ReadValue(value, source, depth, &member);
    member.set_value_effect(EffectOfValue(value, member, source));
    if (member.key == "sessionId" && !IsEmptyValue(value, source) &&
        MayBeEmpty(value, source))
      member.set_empty_at_times(std::string(node::Text(value, source)));
    *reads_this = UsesThis(node::Unwrap(value), source);
  } else if (type == "shorthand_property_identifier" &&
             HoldsMaskedIsland(node::Text(n, source))) {
    // `{ type: 'payPal', <?= $fields ?>, ... }`: whatever members the
    // server prints there, as a spread would bring them.
    member.kind = Member::Kind::kSpread;
    member.value_range = member.range;
  } else if (type == "shorthand_property_identifier") {
    member.kind = Member::Kind::kShorthand;
    member.key = std::string(node::Text(n, source));
    member.key_range = member.value_range = member.range;
    ReadValue(n, source, depth, &member);
    member.set_value_effect(SideEffectOf(n, source));
    if (member.key == "sessionId" && VariableEmptyAtTimes(n, source))
      member.set_empty_at_times(member.key);
  } else if (type == "method_definition") {
    member.kind = Member::Kind::kMethod;
    ReadKey(node::Field(n, "name"), source, &member);
    member.kind = member.kind == Member::Kind::kComputed
                      ? Member::Kind::kComputed
                      : Member::Kind::kMethod;
    member.set_value_effect(EffectOfGetter(n, member, source));
    *reads_this = UsesThis(n, source);
  } else {  // spread_element and anything the grammar adds later
    member.kind = Member::Kind::kSpread;
    member.value_range = member.range;
    member.set_value_effect(SideEffectOf(n, source));
    if (type == "spread_element")
      member.set_spread_keys(ClosedSpreadKeys(n, source));
  }
  return member;
}

}  // namespace

Member BuildAssignedMember(TSNode statement, TSNode assignment,
                           std::string_view source) {
  Member member;
  member.range = node::Range(statement);
  TSNode left = node::Field(assignment, "left");
  TSNode value = node::Field(assignment, "right");
  member.key_range = node::Range(node::Field(left, "property"));
  member.key = std::string(member.key_range.In(source));
  member.value_range = node::Range(value);
  ReadValue(value, source, 1, &member);
  member.set_value_effect(EffectOfValue(value, member, source));
  return member;
}

std::string Quote(std::string_view text) {
  std::string flat;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else if (c != ' ' || flat.empty() || flat.back() != ' ') {
      flat += c;
    }
  }
  if (flat.size() > 60) flat = flat.substr(0, 57) + "...";
  return "`" + flat + "`";
}

ObjectLiteral BuildObjectLiteral(TSNode object, std::string_view source,
                                 int depth) {
  ObjectLiteral literal;
  literal.range = node::Range(object);
  literal.has_error = ts_node_has_error(object);
  literal.plain = !literal.has_error;
  literal.members.reserve(ts_node_named_child_count(object));
  for (TSNode child : node::Children(object)) {
    if (!ts_node_is_named(child)) {
      if (node::Type(child) == "," && !literal.members.empty() &&
          !literal.members.back().comma) {
        literal.members.back().comma = node::Range(child);
      }
      continue;
    }
    std::string_view type = node::Type(child);
    if (type == "comment") continue;
    literal.plain = literal.plain && IsMemberKind(type);
    bool reads_this = false;
    literal.members.push_back(BuildMember(child, source, depth, &reads_this));
    if (reads_this && literal.this_reader.empty())
      literal.this_reader = literal.members.back().key;
  }
  return literal;
}

TSNode TraceToObjectLiteral(TSNode identifier, std::string_view source) {
  Binding binding =
      ResolveName(node::Text(identifier, source), identifier, source);
  if (binding.kind != Binding::Kind::kVariable ||
      !binding.assignments.empty()) {
    return TSNode{};
  }
  TSNode value = node::Unwrap(node::Field(binding.declarator, "value"));
  return node::Is(value, "object") ? value : TSNode{};
}

bool TraceToConstString(TSNode identifier, std::string_view source,
                        std::string* value) {
  Binding binding =
      ResolveName(node::Text(identifier, source), identifier, source);
  if (binding.kind != Binding::Kind::kVariable || !binding.is_const)
    return false;
  return node::StringLiteralValue(node::Field(binding.declarator, "value"),
                                  source, value);
}

}  // namespace psm
