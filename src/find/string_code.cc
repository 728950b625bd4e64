#include "find/string_code.h"

#include "common/strings.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "find/script_kind.h"
#include "syntax/node.h"

namespace psm {
namespace {

// True when `n` is text of a string or template literal, not code in it
// (a `${...}` substitution's names are code the scope already sees).
bool InStringText(TSNode n) {
  for (int depth = 0; depth < 3 && !ts_node_is_null(n); ++depth) {
    if (node::Is(n, "identifier") || node::Is(n, "template_substitution") ||
        node::Is(n, "comment"))
      return false;
    if (node::Is(n, "string") || node::Is(n, "template_string") ||
        node::Is(n, "string_fragment"))
      return true;
    n = node::Parent(n);
  }
  return false;
}

// True when the word at `at` in `text` reads like code using the name, not
// prose (`'payload sent'`): the whole string (`eval('payload')`,
// `window[name]`), or the name next to code punctuation
// (`payload.amount`, `show(payload)`, `payload['x']`).
bool ReadsLikeCode(std::string_view text, size_t at, size_t size) {
  char before = at > 0 ? text[at - 1] : '\0';
  char after = at + size < text.size() ? text[at + size] : '\0';
  bool whole =
      (before == '\'' || before == '"' || before == '`') && after == before;
  return whole || after == '.' || after == '[' || after == ')' ||
         after == ',' || after == ';' || before == '(' || before == ',';
}

// The string literal around `n` (a fragment, or the string itself).
TSNode StringAround(TSNode n) {
  return node::Is(n, "string_fragment") ? node::Parent(n) : n;
}

bool IsWholeString(TSNode n, std::string_view name, std::string_view source) {
  TSNode string = StringAround(n);
  return node::Is(string, "string") &&
         node::Text(string, source).size() == name.size() + 2;
}

// An argument of a call that runs a string as code.
bool IsEvaluated(TSNode n, std::string_view source) {
  TSNode arguments = node::Parent(StringAround(n));
  if (!node::Is(arguments, "arguments")) return false;
  TSNode call = node::Parent(arguments);
  TSNode callee = node::Field(
      call, node::Is(call, "new_expression") ? "constructor" : "function");
  std::string_view name = node::Text(callee, source);
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos)
    name.remove_prefix(dot + 1);
  return name == "eval" || name == "setTimeout" || name == "setInterval" ||
         name == "Function" || name == "execScript";
}

// True when the string at `n` is just `name` and names a property of
// some object: `resp['payload']`, `{ field: 'payload' }`. (A whole string
// handed to a call may be evaluated: `lookUp('payload')`.)
bool IsPropertyName(TSNode n, std::string_view name, std::string_view source) {
  if (!IsWholeString(n, name, source)) return false;
  TSNode up = node::Parent(StringAround(n));
  return (node::Is(up, "subscript_expression") &&
          ts_node_eq(node::Field(up, "index"), StringAround(n))) ||
         node::Is(up, "pair");
}

}  // namespace

std::string GlobalNamedInString(std::string_view name, TSNode root,
                                std::string_view source,
                                bool only_evaluated_names) {
  for (TSNode n : NodesAtWords(root, {{name, TSNode{}}}, source)) {
    if (!InStringText(n)) continue;
    ByteRange range = node::Range(n);
    std::string_view text = source.substr(range.begin, range.end - range.begin);
    bool code = false;
    for (size_t at = text.find(name); at != std::string_view::npos && !code;
         at = text.find(name, at + 1)) {
      // `n` may be the whole string: its quotes count as the neighbours.
      code = IsWholeIdentifierAt(text, at, name.size()) &&
             ReadsLikeCode(source, range.begin + at, name.size());
    }
    if (!code || IsPropertyName(n, name, source) ||
        (only_evaluated_names && IsWholeString(n, name, source) &&
         !IsEvaluated(n, source)))
      continue;
    if (!IsClassicScript(root, source)) return {};
    // The literal around it (a fragment of broken code may have none).
    TSNode string = n;
    while (!ts_node_is_null(string) && !node::Is(string, "string") &&
           !node::Is(string, "template_string"))
      string = node::Parent(string);
    if (ts_node_is_null(string)) string = n;
    return Quote(std::string(name)) + " is named in the string " +
           Quote(node::Text(string, source)) + " at line " +
           std::to_string(node::Line(string)) +
           ", which may be code the page runs in its global scope "
           "(setTimeout, an event handler attribute, new Function) and reads "
           "this global";
  }
  return {};
}

}  // namespace psm
