#include "find/syntax_getters.h"

#include "common/strings.h"
#include "syntax/node.h"

namespace psm {
namespace {

// The name a call's callee ends in: `createSource` for `dr.createSource`,
// `dr['createSource']` and a destructured `createSource`.
std::string_view CalleeName(TSNode callee, std::string_view source) {
  callee = node::Unwrap(callee);
  if (node::Is(callee, "identifier")) return node::Text(callee, source);
  if (node::Is(callee, "member_expression"))
    return node::Text(node::Field(callee, "property"), source);
  if (node::Is(callee, "subscript_expression")) {
    std::string text;
    if (node::StringLiteralValue(node::Field(callee, "index"), source, &text) &&
        text == "createSource")
      return "createSource";
  }
  return {};
}

// Whether the `get` at byte `at` begins a getter of an object literal that
// is an argument of a createSource call and never says `this` (see the
// header).
bool OfUnreachablePayload(TSNode root, size_t at, std::string_view source) {
  uint32_t begin = static_cast<uint32_t>(at);
  TSNode keyword = ts_node_descendant_for_byte_range(root, begin, begin + 3);
  TSNode method = node::Parent(keyword);
  if (!node::Is(method, "method_definition")) return false;
  TSNode object = node::Parent(method);
  if (!node::Is(object, "object")) return false;
  TSNode arguments = node::Parent(object);
  if (!node::Is(arguments, "arguments")) return false;
  TSNode call = node::Parent(arguments);
  return node::Is(call, "call_expression") &&
         CalleeName(node::Field(call, "function"), source) == "createSource" &&
         WordsAt(node::Text(object, source), "this").empty();
}

}  // namespace

void AddSyntaxGetterNames(TSNode root, std::string_view source,
                          std::unordered_set<std::string>* names) {
  for (size_t at = source.find("get"); at != std::string_view::npos;
       at = source.find("get", at + 3)) {
    if (at > 0 && IsIdentifierByte(source[at - 1])) continue;
    size_t k = at + 3;
    size_t gap = k;
    while (k < source.size() && (source[k] == ' ' || source[k] == '\t')) ++k;
    if (k == gap) continue;
    if (k < source.size() && source[k] == '[') {  // `get [key]() {}`
      if (!OfUnreachablePayload(root, at, source))
        names->emplace(kAnyGetterName);
      continue;
    }
    char quote = k < source.size() ? source[k] : '\0';
    bool quoted = quote == '\'' || quote == '"';
    size_t begin = quoted ? k + 1 : k;
    k = begin;
    while (k < source.size() && IsIdentifierByte(source[k])) ++k;
    if (k == begin) continue;
    size_t end = k;
    if (quoted && (k >= source.size() || source[k++] != quote)) continue;
    while (k < source.size() && (source[k] == ' ' || source[k] == '\t')) ++k;
    if (k < source.size() && source[k] == '(' &&
        !OfUnreachablePayload(root, at, source)) {
      names->emplace(source.substr(begin, end - begin));
    }
  }
}

}  // namespace psm
