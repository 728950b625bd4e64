#include "find/script_kind.h"

#include "syntax/node.h"

namespace psm {
namespace {

// `require(` followed by a quote: CommonJS (RequireJS's `require([...])`
// takes an array and runs in a classic script).
bool RequiresByName(std::string_view source) {
  for (size_t at = source.find("require("); at != std::string_view::npos;
       at = source.find("require(", at + 1)) {
    size_t next = source.find_first_not_of(" \t\r\n", at + 8);
    if (next != std::string_view::npos &&
        (source[next] == '\'' || source[next] == '"' || source[next] == '`'))
      return true;
  }
  return false;
}

}  // namespace

bool IsClassicScript(TSNode root, std::string_view source) {
  if (source.find("exports") != std::string_view::npos &&
      (source.find("module.exports") != std::string_view::npos ||
       source.find("exports.") != std::string_view::npos)) {
    return false;
  }
  if (RequiresByName(source)) return false;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool script = true;
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more && script;
       more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    std::string_view type = node::Type(ts_tree_cursor_current_node(&cursor));
    script = type != "import_statement" && type != "export_statement";
  }
  ts_tree_cursor_delete(&cursor);
  return script;
}

}  // namespace psm
