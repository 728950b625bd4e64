#include "php/php_loop_trace.h"

#include <cctype>

#include "php/php_syntax.h"
#include "syntax/node.h"

namespace psm::php {
namespace {

bool IsNameByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Whether `text` names the variable `name` (`$line`), not a longer one.
bool NamesVariable(std::string_view text, std::string_view name) {
  for (size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    size_t next = at + name.size();
    if (next >= text.size() || !IsNameByte(text[next])) return true;
  }
  return false;
}

}  // namespace

bool LoopLeavesNoTrace(TSNode loop, TSNode iterated, std::string_view source) {
  bool array = node::Is(iterated, "array_creation_expression");
  if (!array && (node::Is(iterated, "null") ||
                 source.find("Iterator") != std::string_view::npos ||
                 source.find("Traversable") != std::string_view::npos))
    return false;
  TSNode body = node::Field(loop, "body");
  if (ts_node_is_null(body)) body = node::NamedChildren(loop).back();
  std::string_view header =
      source.substr(ts_node_end_byte(iterated),
                    ts_node_start_byte(body) - ts_node_end_byte(iterated));
  if (header.find('&') != std::string_view::npos) return false;
  TSNode scope = loop;
  while (!ts_node_is_null(node::Parent(scope)) && !IsFunction(scope))
    scope = node::Parent(scope);
  std::string_view after = source.substr(
      ts_node_end_byte(loop), ts_node_end_byte(scope) - ts_node_end_byte(loop));
  for (size_t at = header.find('$'); at != std::string_view::npos;
       at = header.find('$', at + 1)) {
    size_t end = at + 1;
    while (end < header.size() && IsNameByte(header[end])) ++end;
    if (NamesVariable(after, header.substr(at, end - at))) return false;
  }
  return true;
}

}  // namespace psm::php
