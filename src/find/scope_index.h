#ifndef PSM_FIND_SCOPE_INDEX_H_
#define PSM_FIND_SCOPE_INDEX_H_

// The per-file index behind IndexedTree (find/scope.h): scope.cc asks it
// instead of walking whole scopes. Not for use outside find/scope*.

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/byte_range.h"
#include "find/scope.h"

namespace psm::scope_detail {

// What ResolveName looks up for one name: where it stands as a whole word
// (byte offsets), its identifiers, the `var` declarators binding it, and
// the `name = value` assignments, in source order.
struct NameEntry {
  std::vector<uint32_t> words;
  std::vector<TSNode> identifiers;
  std::vector<TSNode> vars;
  std::vector<TSNode> assignments;
  bool classified = false;  // the three lists above are filled
};

// Built lazily per name by finding the name's occurrences in the text and
// asking the tree what stands there: a few lookups per call site instead of
// walks of whole scopes (see IndexedTree).
class ScopeIndex {
 public:
  ScopeIndex(TSNode root, std::string_view source)
      : tree(root.tree), root_(root), source_(source) {}

  const NameEntry& Get(std::string_view name) const;
  // Where `name` stands as a whole word, in order: Get's `words` without
  // asking the tree what stands at each (one descent per occurrence).
  const std::vector<uint32_t>& Words(std::string_view name) const;

  // Whether the keyword `var` stands as a word in `range`: a `var`
  // declaration spells it, so where it does not, no name is declared by
  // one, and the name's occurrences need not be looked at (a name used at
  // thousands of sites and declared nowhere: `dr` in a generated file).
  bool HasVarKeywordIn(ByteRange range) const;

  // A scope's statements, read once: FindDeclarator goes through them for
  // every name it is asked about.
  const std::vector<TSNode>& NamedChildrenOf(TSNode scope) const;

  const TSTree* tree;

  // Answers worked out once per file, by MemoKey: the same module-level
  // names (the DigitalRiver instance, shared payloads) are looked up from
  // many call sites. FindDeclarator ('d') and FindImport ('i') per (scope,
  // name); Resolve ('a', 'n') per (nearest scope-making ancestor, name).
  mutable std::unordered_map<std::string, TSNode> declarations;
  mutable std::unordered_map<std::string, Binding> bindings;

 private:
  // `up`: the ancestors of `n`, its parent first.
  static void Classify(TSNode n, const std::vector<TSNode>& up,
                       NameEntry* entry);

  // Where `name` stands as a whole word, in order.
  std::vector<uint32_t> WordsOf(std::string_view name) const;
  // The entry of `name`, made with its words (not yet classified).
  NameEntry& EntryOf(std::string_view name) const;

  mutable std::unordered_map<const void*, std::vector<TSNode>> children_;
  TSNode root_;
  std::string_view source_;
  mutable std::unordered_map<std::string, NameEntry> names_;
  mutable std::optional<std::vector<uint32_t>> var_keywords_;
  // Every word of the text and where it stands, made once many names have
  // been looked up: a search of the whole text per name made a file of
  // many differently named payloads quadratic.
  mutable std::unordered_map<std::string_view, std::vector<uint32_t>>
      all_words_;
  mutable bool all_words_made_ = false;
};

// The index of the IndexedTree alive on this thread for `n`'s tree, or
// nullptr.
const ScopeIndex* IndexFor(TSNode n);

}  // namespace psm::scope_detail

#endif  // PSM_FIND_SCOPE_INDEX_H_
