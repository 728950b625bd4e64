#include "find/empty_values.h"

#include <string>

#include "find/class_fields.h"
#include "find/empty_values_internal.h"
#include "find/object_builder.h"  // TraceToObjectLiteral
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

namespace {

bool EmptyAtTimesAt(TSNode value, std::string_view source, int depth) {
  // Generated chains deeper than this are taken as empty at times.
  if (depth > 64) return true;
  value = node::Unwrap(value);
  if (node::Is(value, "ternary_expression")) {
    for (const char* branch : {"consequence", "alternative"}) {
      TSNode b = node::Field(value, branch);
      if (IsEmptyValue(b, source) || EmptyAtTimesAt(b, source, depth + 1))
        return true;
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
         (IsEmptyValue(right, source) ||
          EmptyAtTimesAt(right, source, depth + 1));
}

}  // namespace

bool EmptyAtTimes(TSNode value, std::string_view source) {
  return EmptyAtTimesAt(value, source, 0);
}

namespace empty_detail {

// Each question from outside may follow this many values in all: chains
// of names that each name several others would otherwise multiply.
constexpr int kMaxSteps = 256;
thread_local int steps = 0;

}  // namespace empty_detail

bool MayBeEmpty(TSNode value, std::string_view source, int hops) {
  return empty_detail::Empties(value, source, hops);
}

bool VariableEmptyAtTimes(TSNode identifier, std::string_view source) {
  // Also a shorthand member (`{ sessionId }`), which Empties would not
  // take for a name.
  empty_detail::steps = 0;
  return empty_detail::VariableEmpty(identifier, source, 1);
}

namespace empty_detail {

bool Empties(TSNode value, std::string_view source, int hops) {
  if (hops == 0) steps = 0;
  if (++steps > kMaxSteps) return true;  // too tangled: say it may be
  value = node::Unwrap(value);
  if (IsEmptyValue(value, source) || EmptyAtTimes(value, source)) return true;
  if (hops >= kMaxHops) return false;
  std::string_view type = node::Type(value);
  if (type == "identifier") return VariableEmpty(value, source, hops + 1);
  if (type == "await_expression")
    return Empties(ts_node_named_child(value, 0), source, hops + 1);
  if (type == "call_expression") return ReturnsEmpty(value, source, hops + 1);
  if (type == "sequence_expression") {  // `(log(), undefined)`: the last
    uint32_t count = ts_node_named_child_count(value);
    return count > 0 && Empties(ts_node_named_child(value, count - 1), source,
                                hops + 1);
  }
  // `c ? id : legacySid`, `id || NONE`: what the other side names.
  if (type == "ternary_expression") {
    return Empties(node::Field(value, "consequence"), source, hops + 1) ||
           Empties(node::Field(value, "alternative"), source, hops + 1);
  }
  if (type == "binary_expression") {
    std::string_view op = node::Text(node::Field(value, "operator"), source);
    if (op == "||" || op == "??")
      return Empties(node::Field(value, "right"), source, hops + 1);
  }
  if (type == "member_expression") return MemberEmpty(value, source, hops + 1);
  return false;
}

// `this.sessionId` in a method of a class of the file: what the
// constructor sets it to once at its top level; a field its class sets
// otherwise (under a condition, in another method, more than once) may
// not be set when read. A field the class never sets (a framework's
// input, set from outside) is not told.
bool FieldEmpty(TSNode use, std::string_view source, int hops) {
  ClassField field = FieldOf(use, source);
  if (ts_node_is_null(field.body)) return false;
  if (!ts_node_is_null(field.constructor_value))
    return Empties(field.constructor_value, source, hops);
  return !field.writes.empty();
}

// `s.id` where the file binds `s` once to an object literal: what the
// literal gives `id` (`{ id: ready ? sid : null }`). A key the literal
// lacks may be set later, so only a value it has is asked about.
bool MemberEmpty(TSNode member, std::string_view source, int hops) {
  TSNode object = node::Unwrap(node::Field(member, "object"));
  TSNode property = node::Field(member, "property");
  if (node::Is(object, "this")) return FieldEmpty(member, source, hops);
  if (!node::Is(object, "identifier") ||
      !node::Is(property, "property_identifier"))
    return false;
  TSNode literal = TraceToObjectLiteral(object, source);
  if (ts_node_is_null(literal)) return false;
  std::string_view key = node::Text(property, source);
  for (TSNode pair : node::NamedChildren(literal)) {
    if (node::Is(pair, "shorthand_property_identifier") &&
        node::Text(pair, source) == key)
      return VariableEmpty(pair, source, hops);
    if (node::Is(pair, "pair") &&
        node::Text(node::Field(pair, "key"), source) == key)
      return Empties(node::Field(pair, "value"), source, hops);
  }
  return false;
}

}  // namespace empty_detail
}  // namespace psm
