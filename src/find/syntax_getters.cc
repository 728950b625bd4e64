#include "find/syntax_getters.h"

#include <optional>

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

// Whether the file may give something a createSource of its own
// (`api.createSource = ...`, `{ createSource: ... }`, `createSource(p) {`
// as a method, `function createSource`): that one may keep the payload
// where later reads reach it, so its literals' getters still count. Read
// off the text; it errs towards "may".
bool MayDefineCreateSource(std::string_view source) {
  constexpr std::string_view kName = "createSource";
  for (size_t k : WordsAt(source, kName)) {
    size_t next = source.find_first_not_of(" \t", k + kName.size());
    if (next == std::string_view::npos) break;
    char c = source[next];
    if (c == ':' || (c == '=' && source.compare(next, 2, "==") != 0))
      return true;
    if (k >= 9 && source.substr(k - 9, 9) == "function ") return true;
    if (c != '(') continue;
    // `createSource(...) {`: a method, not a call.
    int depth = 0;
    size_t end = next;
    for (; end < source.size() && end < next + 400; ++end) {
      if (source[end] == '(') ++depth;
      if (source[end] == ')' && --depth == 0) break;
    }
    size_t after = source.find_first_not_of(" \t\r\n", end + 1);
    if (depth == 0 && after != std::string_view::npos && source[after] == '{')
      return true;
  }
  return false;
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
  std::optional<bool> own;  // MayDefineCreateSource, asked once if at all
  auto unreachable = [&](size_t at) {
    if (!OfUnreachablePayload(root, at, source)) return false;
    if (!own) own = MayDefineCreateSource(source);
    return !*own;
  };
  for (size_t at = source.find("get"); at != std::string_view::npos;
       at = source.find("get", at + 3)) {
    if (at > 0 && IsIdentifierByte(source[at - 1])) continue;
    size_t k = at + 3;
    size_t gap = k;
    while (k < source.size() && (source[k] == ' ' || source[k] == '\t')) ++k;
    if (k == gap) continue;
    if (k < source.size() && source[k] == '[') {  // `get [key]() {}`
      if (!unreachable(at)) names->emplace(kAnyGetterName);
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
    if (k < source.size() && source[k] == '(' && !unreachable(at)) {
      names->emplace(source.substr(begin, end - begin));
    }
  }
}

}  // namespace psm
