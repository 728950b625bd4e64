#ifndef PSM_FIND_SCOPE_H_
#define PSM_FIND_SCOPE_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "common/byte_range.h"

namespace psm {

// What a name used at some point of a file is bound to, found by walking the
// enclosing scopes outwards to module level.
struct Binding {
  enum class Kind {
    kNotFound,   // a global, or declared in another file
    kVariable,   // var / let / const in this file
    kParameter,  // a function's parameter
    kImported,   // import ... from '...'
    kFunction,   // function name() {} (declarator is the function)
    kClass,      // class Name {} (declarator is the class)
    kOther,  // destructuring, a loop head, a catch clause: no literal to follow
  };
  Kind kind = Kind::kNotFound;
  TSNode declarator{};  // variable_declarator, parameter or import node
  TSNode scope{};       // the block, function or program that owns the name
  // Every `name = value` assignment inside `scope` (closures included), in
  // source order.
  std::vector<TSNode> assignments;
  bool is_const = false;
};

// While alive, makes ResolveName, IdentifierUses and the mutation search on
// `root`'s tree use an index of each looked-up name's occurrences (found in
// the text, classified through the tree, cached per name) instead of walking
// whole scopes for every lookup, which made finding cost as much as parsing
// on files with many calls. Scoped to this thread; nests. The tree must not
// be edited while it is alive.
class IndexedTree {
 public:
  IndexedTree(TSNode root, std::string_view source);
  ~IndexedTree();
  IndexedTree(const IndexedTree&) = delete;
  IndexedTree& operator=(const IndexedTree&) = delete;

 private:
  const void* previous_;
  const void* index_;
  uint64_t previous_id_;
};

// A number unique to the IndexedTree alive on this thread for `n`'s tree,
// or 0 when there is none: lets other per-file memos (getter names) know
// when they are stale, even when buffers and trees are reused.
uint64_t IndexedTreeId(TSNode n);

// Resolves `name` as seen from `use`.
Binding ResolveName(std::string_view name, TSNode use, std::string_view source);

// The function `binding` names in this file while nothing can put another
// in its place: a function declaration never assigned again, or a variable
// declared with a function (`const f = () => ...`, or a `let`/`var` never
// assigned again);
// null otherwise (a parameter, an import, a global, a name assigned
// elsewhere, a value that is no function).
TSNode FunctionBoundTo(const Binding& binding);

// Calls `visit` on every descendant of `root` in source order, not entering
// nested functions unless `into_functions`.
template <typename Visit>
void ForEachDescendant(TSNode root, bool into_functions, Visit&& visit);

// Every identifier named `name` inside `scope`, in source order, with the
// shorthand properties (`{ name }`) that read it.
std::vector<TSNode> IdentifierUses(std::string_view name, TSNode scope,
                                   std::string_view source);

// A word looked for, and the part of the tree its occurrences count in.
struct WordIn {
  std::string_view word;
  TSNode within;  // null: the whole tree
};

// Where `name` stands as a whole word in `source` (the text of `root`'s
// tree) inside `within`, in order: from the index while an IndexedTree is
// alive, else by a search of that part of the text.
std::vector<uint32_t> WholeWordsOf(TSNode root, std::string_view name,
                                   std::string_view source, ByteRange within);

// The nodes of `root`'s tree that span a whole-word occurrence of one of
// `words` in the text (inside its `within`), each once, in the order a walk
// of the whole tree (ForEachDescendant into functions) meets them: what
// such a walk needs to look at when it only cares about nodes holding those
// words, found without walking (indexed while an IndexedTree is alive).
std::vector<TSNode> NodesAtWords(TSNode root,
                                 std::initializer_list<WordIn> words,
                                 std::string_view source);

// The calls in `root`'s tree whose callee holds `name` as a whole word
// (`name(...)`, `x.name(...)`, `(name)(...)`, and calls around those whose
// callee spans one), in the order a walk of the tree meets them (outer
// before inner, then source order). Found from the name's occurrences in
// the text (indexed while an IndexedTree is alive), not by walking the
// tree: a walk per call site made a file of many sites quadratic. Only the
// occurrences inside `within` count (null: the whole tree).
std::vector<TSNode> CallsNaming(TSNode root, std::string_view name,
                                std::string_view source, TSNode within = {});

// The uses of `name` inside its scope that refer to `binding` itself, not
// to a parameter, catch clause, loop variable, function, class or inner
// declaration of the same name that shadows it; the declaring identifier
// included.
std::vector<TSNode> UsesOf(const Binding& binding, std::string_view name,
                           std::string_view source);

}  // namespace psm

#include "find/scope_inl.h"

#endif  // PSM_FIND_SCOPE_H_
