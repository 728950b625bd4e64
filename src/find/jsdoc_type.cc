#include "find/jsdoc_type.h"

#include <cstdint>
#include <string>

#include "common/strings.h"
#include "find/scope.h"  // IndexedTreeId
#include "syntax/node.h"

namespace psm {
namespace {

// Whether TypeScript checks the JavaScript file `n` is of.
bool CheckedByTypeScript(TSNode n, std::string_view source) {
  auto answer = [&] {
    return FindText(source, "@ts-check") != std::string_view::npos &&
           FindText(source, "@ts-nocheck") == std::string_view::npos;
  };
  // Asked for every variable and function followed: the answer is kept per
  // indexed tree (a whole-file search per question cost a dense run a few
  // percent). Not per text address: a later file may be read into the same
  // buffer.
  thread_local uint64_t tree = 0;
  thread_local bool checked = false;
  uint64_t id = IndexedTreeId(n);
  if (id == 0) return answer();
  if (id != tree) {
    tree = id;
    checked = answer();
  }
  return checked;
}

// The `/** ... */` comment right before `n` (only blanks between), or null.
TSNode DocCommentBefore(TSNode n, std::string_view source) {
  TSNode comment = ts_node_prev_sibling(n);
  if (!node::Is(comment, "comment") ||
      !node::Text(comment, source).starts_with("/**"))
    return TSNode{};
  uint32_t end = ts_node_end_byte(comment), start = ts_node_start_byte(n);
  for (uint32_t i = end; i < start; ++i) {
    if (source[i] != ' ' && source[i] != '\t' && source[i] != '\n' &&
        source[i] != '\r')
      return TSNode{};
  }
  return comment;
}

// The statement (or member) whose JSDoc describes `holder`.
TSNode DocumentedNode(TSNode holder, std::string_view what) {
  TSNode n = holder;
  if (what == "type" && node::Is(n, "variable_declarator")) {
    n = node::Parent(n);  // the declaration
  } else if (what == "return_type" && !node::Is(n, "function_declaration") &&
             !node::Is(n, "method_definition")) {
    TSNode up = node::Parent(n);
    while (node::Is(up, "parenthesized_expression")) up = node::Parent(up);
    if (node::Is(up, "variable_declarator")) n = node::Parent(up);
    else if (node::Is(up, "pair")) n = up;
    else if (node::Is(up, "assignment_expression")) n = node::Parent(up);
  }
  if (node::Is(node::Parent(n), "export_statement")) n = node::Parent(n);
  return n;
}

// The `{...}` after the first of `tags` in the comment `doc`, balanced.
std::optional<std::string_view> TaggedType(
    std::string_view doc, std::initializer_list<std::string_view> tags) {
  for (std::string_view tag : tags) {
    size_t at = FindText(doc, tag);
    while (at != std::string_view::npos &&
           at + tag.size() < doc.size() &&
           IsIdentifierByte(doc[at + tag.size()]))
      at = FindText(doc, tag, at + 1);  // `@typedef`, `@returnsFoo`
    if (at == std::string_view::npos) continue;
    size_t open = doc.find_first_not_of(" \t", at + tag.size());
    if (open == std::string_view::npos || doc[open] != '{') continue;
    int depth = 0;
    for (size_t i = open; i < doc.size(); ++i) {
      if (doc[i] == '{') ++depth;
      if (doc[i] == '}' && --depth == 0)
        return doc.substr(open + 1, i - open - 1);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<DeclaredType> JsDocType(TSNode holder, std::string_view what,
                                      std::string_view source) {
  if (ts_node_is_null(holder) || !CheckedByTypeScript(holder, source))
    return std::nullopt;
  TSNode doc = DocCommentBefore(
      what == "cast" ? holder : DocumentedNode(holder, what), source);
  if (ts_node_is_null(doc)) return std::nullopt;
  std::optional<std::string_view> type =
      what == "return_type"
          ? TaggedType(node::Text(doc, source), {"@returns", "@return"})
          : TaggedType(node::Text(doc, source), {"@type", "@satisfies"});
  if (!type) return std::nullopt;
  std::string_view written = *type;
  while (!written.empty() && (written.front() == ' ' || written.front() == '\n'))
    written.remove_prefix(1);
  while (!written.empty() && (written.back() == ' ' || written.back() == '\n'))
    written.remove_suffix(1);
  std::string text(written);
  DeclaredType declared;
  declared.text = text;
  declared.line = node::Line(doc);
  declared.defined = "JSDoc of this `// @ts-check` file";
  return declared;
}

}  // namespace psm
