#ifndef PSM_SYNTAX_NODE_H_
#define PSM_SYNTAX_NODE_H_

#include <tree_sitter/api.h>

#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/byte_range.h"

namespace psm::node {

// Null nodes (a missing field) have type "" rather than crashing.
inline std::string_view Type(TSNode n) {
  return ts_node_is_null(n) ? std::string_view()
                            : std::string_view(ts_node_type(n));
}
// Compares no further than `type` and the byte after it: a type name's
// length is not needed, and strlen on every test was measurable (dense tree).
inline bool Is(TSNode n, std::string_view type) {
  if (ts_node_is_null(n)) return false;
  const char* name = ts_node_type(n);
  return std::strncmp(name, type.data(), type.size()) == 0 &&
         name[type.size()] == '\0';
}
inline ByteRange Range(TSNode n) {
  if (ts_node_is_null(n)) return {};
  return {ts_node_start_byte(n), ts_node_end_byte(n)};
}
inline std::string_view Text(TSNode n, std::string_view source) {
  return Range(n).In(source);
}
// The grammar's id for a field name, looked up once per name and language
// (ts_language_field_id_for_name compares the name with every field's).
TSFieldId FieldId(const TSLanguage* language, std::string_view name);
inline TSNode Field(TSNode n, std::string_view name) {
  if (ts_node_is_null(n)) return TSNode{};
  return ts_node_child_by_field_id(n, FieldId(ts_tree_language(n.tree), name));
}
inline bool IsComment(TSNode n) { return Is(n, "comment"); }

// The 1-based line `n` starts on.
inline int Line(TSNode n) {
  return static_cast<int>(ts_node_start_point(n).row) + 1;
}

// Strips wrappers that do not change the value: parentheses and
// TypeScript's `as`, `satisfies`, `!` and `<T>x`.
TSNode Unwrap(TSNode n);

// How far up the tree the finder looks. tree-sitter 0.20's ts_node_parent
// walks down from the root, so climbing is quadratic in depth; hand-written
// code is nowhere near this deep, hostile input must not take hours.
inline constexpr int kMaxClimb = 1000;

// Whether some node under `root` is more than `depth` levels below it:
// where climbing stops short (kMaxClimb), a search that needs every use
// must say it cannot see them all.
bool DeeperThan(TSNode root, int depth);

// The parent of `n` (null for a root), found through PathTo: tree-sitter
// 0.20's ts_node_parent() descends from the root on every call, some
// thousands of instructions for a node deep in a long file (issue 14:
// 950,000 calls, 1.2% of a dense run), where PathTo starts from the last
// path it found on this thread, mostly the same statement.
TSNode Parent(TSNode n);

// `n` or its nearest ancestor of `type` within kMaxClimb steps, or null.
TSNode EnclosingOfType(TSNode n, std::string_view type);

// The children (or named children) of `n` in order, read with a tree cursor:
// ts_node_child(n, i) starts again from the first child for every i, so a
// loop over it is quadratic in the number of children.
std::vector<TSNode> Children(TSNode n);
std::vector<TSNode> NamedChildren(TSNode n);

// The ancestors of `n`, its parent first and the root last, found in one
// descent from the root. tree-sitter 0.20 has no parent pointers: each
// ts_node_parent() call descends from the root, so climbing k levels one
// call at a time costs k descents. At most kMaxClimb ancestors.
std::vector<TSNode> Ancestors(TSNode n);

// The nodes from `root` down to the smallest node that spans the bytes
// [start, end), root first (like ts_node_descendant_for_byte_range, with
// the ancestors it passes on the way). Empty if `root` does not span them.
// Paths into the same region are asked for many times over: the last one
// found on each thread is remembered and a new descent starts from the
// deepest node the two share.
std::vector<TSNode> PathTo(TSNode root, uint32_t start, uint32_t end);

// Forgets every remembered path, on every thread: called before a tree is
// deleted, since a new tree may later take the same addresses.
void ForgetPaths();

// Tells PathTo of the ancestors `up` of `n` (parent first, the root last)
// found earlier, so that the next descent near `n` starts from them.
void RememberPath(std::span<const TSNode> up, TSNode n);

// The arguments of a call, comments left out.
std::vector<TSNode> Arguments(TSNode call);

// True for nodes that start a new function scope.
bool IsFunction(TSNode n);

// A part of a destructuring pattern (`{a, b: [c]} = ...`, a default, a
// rest): a name inside one is written, not read.
bool IsPatternPart(TSNode n);

// The string a string literal or a template literal without substitutions
// stands for (escape sequences decoded); false otherwise.
bool StringLiteralValue(TSNode n, std::string_view source, std::string* out);

}  // namespace psm::node

#endif  // PSM_SYNTAX_NODE_H_
