#include "syntax/tree.h"

#include <cstring>

#include "syntax/node.h"

namespace psm {

void TreeDeleter::operator()(TSTree* tree) const {
  node::ForgetPaths();  // PathTo remembers nodes of the trees it walked
  ts_tree_delete(tree);
}

void Tree::Edit(const TSInputEdit& edit) {
  node::ForgetPaths();
  ts_tree_edit(tree_.get(), &edit);
}

Parser::Parser() = default;

bool Parser::SelectLanguage(Language language) {
  if (language_ == language) return true;
  // Made on first use: the project model keeps a parser at hand for files
  // it may not need to parse, and a new parser takes its thread's first
  // tree memory (a 256 KiB chunk, faulted in whole; syntax/tree_allocator).
  if (!parser_) parser_.reset(ts_parser_new());
  if (!ts_parser_set_language(parser_.get(), GrammarFor(language))) {
    language_.reset();
    return false;
  }
  language_ = language;
  return true;
}

bool NestsTooDeepToParse(std::string_view text) {
  if (text.size() <= kDeepestNesting) return false;  // most files
  size_t depth = 0;
  for (char c : text) {
    if (c == '(' || c == '[' || c == '{') {
      if (++depth > kDeepestNesting) return true;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

Tree Parser::Parse(Language language, std::string_view text) {
  if (!SelectLanguage(language) || NestsTooDeepToParse(text)) return Tree();
  ++parses_;
  return Tree(ts_parser_parse_string(parser_.get(), nullptr, text.data(),
                                     static_cast<uint32_t>(text.size())));
}

Tree Parser::Reparse(Language language, const Tree& old_tree,
                     std::string_view text) {
  if (!SelectLanguage(language) || NestsTooDeepToParse(text)) return Tree();
  ++parses_;
  return Tree(ts_parser_parse_string(parser_.get(), old_tree.get(), text.data(),
                                     static_cast<uint32_t>(text.size())));
}

int CountSyntaxErrors(TSNode root) {
  if (!ts_node_has_error(root)) return 0;
  int count = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool more = true;
  while (more) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool error_here = ts_node_is_missing(node) ||
                      std::strcmp(ts_node_type(node), "ERROR") == 0;
    if (error_here) ++count;
    // Only descend where an error can still be found.
    if (!error_here && ts_node_has_error(node) &&
        ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return count;
}

}  // namespace psm
