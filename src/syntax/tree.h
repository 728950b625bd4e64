#ifndef PSM_SYNTAX_TREE_H_
#define PSM_SYNTAX_TREE_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "syntax/language.h"

namespace psm {

struct TreeDeleter {
  void operator()(TSTree* tree) const;
};
struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

// A parsed syntax tree. Owns the TSTree; the text must outlive it.
class Tree {
 public:
  Tree() = default;
  explicit Tree(TSTree* tree) : tree_(tree) {}

  bool ok() const { return tree_ != nullptr; }
  TSNode Root() const { return ts_tree_root_node(tree_.get()); }
  TSTree* get() const { return tree_.get(); }
  // Tells the tree of an edit of its text (before a Reparse). Its nodes
  // move, so paths remembered into it are forgotten.
  void Edit(const TSInputEdit& edit);

 private:
  std::unique_ptr<TSTree, TreeDeleter> tree_;
};

// A tree-sitter parser. One per thread: parsers are not thread-safe, and
// reusing one avoids re-allocating its stacks for every file.
class Parser {
 public:
  Parser();

  // Parses `text` from scratch. Returns a Tree that is !ok() if
  // tree-sitter refused to parse (wrong grammar version), or `text` nests
  // too deep for it (NestsTooDeepToParse).
  Tree Parse(Language language, std::string_view text);

  // Re-parses `text` reusing `old_tree`, which must already have been told of
  // the edits (ts_tree_edit) that turned the old text into `text`.
  Tree Reparse(Language language, const Tree& old_tree, std::string_view text);

  // How many texts this parser has parsed (Parse and Reparse), so that
  // tests can tell which path a check took.
  uint64_t parses() const { return parses_; }

 private:
  bool SelectLanguage(Language language);

  std::unique_ptr<TSParser, ParserDeleter> parser_;
  std::optional<Language> language_;
  uint64_t parses_ = 0;
};

// Brackets nested deeper than tree-sitter 0.20.7 takes safely: it frees
// memory it does not own (and crashes) on text nesting some 20,000 deep
// (20,000 lines of `function f(){`, 14,000 of `x({a:`; crashes found by
// hostile input). Counted as `(`, `[`, `{` less their closers, strings
// and comments included: real code nests a few hundred deep at most.
constexpr size_t kDeepestNesting = 10000;
bool NestsTooDeepToParse(std::string_view text);

// Number of ERROR and MISSING nodes in the tree, used to tell whether a
// rewrite introduced syntax errors.
int CountSyntaxErrors(TSNode root);

}  // namespace psm

#endif  // PSM_SYNTAX_TREE_H_
