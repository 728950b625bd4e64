#include "syntax/node.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <optional>

#include "common/js_string.h"
#include "common/step_counter.h"

namespace psm::node {
namespace {

// One cursor per thread, reset for each use; nothing calls out while it is
// in use, so nested uses cannot disturb each other.
class ThreadCursor {
 public:
  ~ThreadCursor() {
    if (live_) ts_tree_cursor_delete(&cursor_);
  }
  TSTreeCursor* At(TSNode n) {
    if (live_) {
      ts_tree_cursor_reset(&cursor_, n);
    } else {
      cursor_ = ts_tree_cursor_new(n);
      live_ = true;
    }
    return &cursor_;
  }

 private:
  TSTreeCursor cursor_{};
  bool live_ = false;
};

TSTreeCursor* CursorAt(TSNode n) {
  thread_local ThreadCursor cursor;
  return cursor.At(n);
}

std::vector<TSNode> ChildrenOf(TSNode n, bool named_only) {
  std::vector<TSNode> children;
  if (ts_node_is_null(n)) return children;
  children.reserve(named_only ? ts_node_named_child_count(n)
                              : ts_node_child_count(n));
  TSTreeCursor* cursor = CursorAt(n);
  if (!ts_tree_cursor_goto_first_child(cursor)) return children;
  do {
    TSNode child = ts_tree_cursor_current_node(cursor);
    if (!named_only || ts_node_is_named(child)) children.push_back(child);
  } while (ts_tree_cursor_goto_next_sibling(cursor));
  return children;
}

// Ancestors the slow way, one ts_node_parent() at a time.
std::vector<TSNode> AncestorsByParent(TSNode n) {
  std::vector<TSNode> chain;
  for (TSNode p = ts_node_parent(n);
       !ts_node_is_null(p) && chain.size() < static_cast<size_t>(kMaxClimb);
       p = ts_node_parent(p)) {
    chain.push_back(p);
  }
  return chain;
}

}  // namespace

TSFieldId FieldId(const TSLanguage* language, std::string_view name) {
  // Call sites pass string literals, so the name's address identifies it;
  // a different address for the same name only costs another entry.
  struct Entry {
    const TSLanguage* language = nullptr;
    const char* name = nullptr;
    size_t size = 0;
    TSFieldId id = 0;
  };
  constexpr size_t kSlots = 256;
  thread_local std::array<Entry, kSlots> cache;
  size_t slot = ((reinterpret_cast<uintptr_t>(name.data()) >> 2) ^
                 (reinterpret_cast<uintptr_t>(language) >> 6)) %
                kSlots;
  Entry& entry = cache[slot];
  if (entry.name != name.data() || entry.language != language ||
      entry.size != name.size()) {
    entry = {language, name.data(), name.size(),
             ts_language_field_id_for_name(language, name.data(),
                                           static_cast<uint32_t>(name.size()))};
  }
  return entry.id;
}

std::vector<TSNode> Children(TSNode n) { return ChildrenOf(n, false); }

std::vector<TSNode> NamedChildren(TSNode n) { return ChildrenOf(n, true); }

namespace {

std::atomic<uint64_t> g_tree_generation{0};

// The last path PathTo found on this thread. Finding a call, resolving its
// receiver and payload and proving its edits ask for paths into the same
// statement again and again; each descent from the root of a long file
// costs thousands of instructions (issue 14), one from the deepest node
// both paths share costs a few hundred.
struct RememberedPath {
  uint64_t generation = 0;
  TSNode root{};
  std::vector<TSNode> path;
};

RememberedPath& LastPath() {
  thread_local RememberedPath last;
  return last;
}

// Moves `cursor` (at `*at`, the child goto_first_child_for_byte chose) past
// the children that end at or before `start` (0.20 stops at one that ends
// right at `start`). False when no child is left.
bool PastChildrenBefore(TSTreeCursor* cursor, uint32_t start, TSNode* at) {
  while (ts_node_end_byte(*at) <= start) {
    CountSteps(1);
    if (!ts_tree_cursor_goto_next_sibling(cursor)) return false;
    *at = ts_tree_cursor_current_node(cursor);
  }
  return true;
}

// Whether the child `at`, the first that reaches past `start`, holds
// [start, end). When it ends first, no later child can hold it either:
// they start after `start`. (Stepping on through them, as once done, cost
// every statement of a long program for a range wider than one of them.)
bool HoldsRange(TSNode at, uint32_t start, uint32_t end) {
  return ts_node_start_byte(at) <= start && ts_node_end_byte(at) >= end;
}

// A cursor kept at a child of a root PathTo descended from. A long file's
// statements hang from the root through a dozen hidden levels; the next
// statement is a few sibling steps away (as when every occurrence of a
// name is looked up in order), where a descent from the root costs ten
// times more.
class TopCursor {
 public:
  ~TopCursor() {
    if (live_) ts_tree_cursor_delete(&cursor_);
  }

  // The root's child that holds [start, end), found by stepping on from
  // the child the cursor is at when that one ends before `start`.
  // Null when it is not a few steps on; `*none` when no child holds it.
  TSNode StepTo(TSNode root, uint32_t start, uint32_t end, bool* none) {
    *none = false;
    if (!valid_ || generation_ != g_tree_generation.load() ||
        !ts_node_eq(root, root_)) {
      return TSNode{};
    }
    TSNode at = ts_tree_cursor_current_node(&cursor_);
    if (ts_node_end_byte(at) > start) return TSNode{};
    constexpr int kSteps = 8;
    for (int step = 0; step < kSteps; ++step) {
      if (!ts_tree_cursor_goto_next_sibling(&cursor_)) {
        *none = true;
        return TSNode{};
      }
      at = ts_tree_cursor_current_node(&cursor_);
      if (ts_node_end_byte(at) < end || ts_node_end_byte(at) == start) continue;
      if (ts_node_start_byte(at) > start) *none = true;
      return *none ? TSNode{} : at;
    }
    return TSNode{};
  }

  // The same child, by a descent from the root (which leaves the cursor
  // there for the next call); null when no child holds the range.
  TSNode DescendTo(TSNode root, uint32_t start, uint32_t end) {
    if (live_) {
      ts_tree_cursor_reset(&cursor_, root);
    } else {
      cursor_ = ts_tree_cursor_new(root);
      live_ = true;
    }
    valid_ = false;
    if (ts_tree_cursor_goto_first_child_for_byte(&cursor_, start) < 0)
      return TSNode{};
    TSNode at = ts_tree_cursor_current_node(&cursor_);
    if (!PastChildrenBefore(&cursor_, start, &at)) return TSNode{};
    valid_ = true;
    root_ = root;
    generation_ = g_tree_generation.load();
    return HoldsRange(at, start, end) ? at : TSNode{};
  }

 private:
  TSTreeCursor cursor_{};
  bool live_ = false;
  bool valid_ = false;  // at a child of root_, in a tree still alive
  TSNode root_{};
  uint64_t generation_ = 0;
};

TopCursor& LastTop() {
  thread_local TopCursor top;
  return top;
}

bool Contains(TSNode n, uint32_t start, uint32_t end) {
  return ts_node_start_byte(n) <= start && ts_node_end_byte(n) >= end;
}

// How much of the remembered path PathTo(root, start, end) would take too:
// for a non-empty range, the child that contains it is the only one, so
// every remembered node containing the range lies on its path.
size_t SharedPrefix(TSNode root, uint32_t start, uint32_t end) {
  const RememberedPath& last = LastPath();
  if (start >= end || last.path.empty() || !ts_node_eq(last.root, root) ||
      last.generation != g_tree_generation.load()) {
    return 0;
  }
  size_t shared = last.path.size();
  while (shared > 0 && !Contains(last.path[shared - 1], start, end)) --shared;
  return shared;
}

// Extends `path` (which ends at a node containing [start, end)) down to
// the deepest node containing the range.
void Descend(std::vector<TSNode>* path, uint32_t start, uint32_t end) {
  TSTreeCursor* cursor = CursorAt(path->back());
  while (ts_tree_cursor_goto_first_child_for_byte(cursor, start) >= 0) {
    TSNode at = ts_tree_cursor_current_node(cursor);
    if (!PastChildrenBefore(cursor, start, &at) || !HoldsRange(at, start, end))
      break;
    path->push_back(at);
  }
}

// Keeps `path` (from `root`) as the last one found, and returns it.
std::vector<TSNode> RememberedAs(TSNode root, std::vector<TSNode> path) {
  RememberedPath& last = LastPath();
  last.generation = g_tree_generation.load();
  last.root = root;
  last.path = path;
  return path;
}

}  // namespace

void ForgetPaths() { g_tree_generation.fetch_add(1); }

void RememberPath(std::span<const TSNode> up, TSNode n) {
  if (up.empty() || ts_node_start_byte(n) >= ts_node_end_byte(n)) return;
  RememberedPath& last = LastPath();
  last.generation = g_tree_generation.load();
  last.root = up.back();
  last.path.assign(up.rbegin(), up.rend());
  last.path.push_back(n);
}

std::vector<TSNode> PathTo(TSNode root, uint32_t start, uint32_t end) {
  std::vector<TSNode> path;
  if (ts_node_is_null(root) || !Contains(root, start, end)) return path;
  RememberedPath& last = LastPath();
  if (size_t shared = SharedPrefix(root, start, end); shared > 1) {
    path.assign(last.path.begin(), last.path.begin() + shared);
  } else {
    path.push_back(root);
    if (start < end) {
      bool none = false;
      TSNode top = LastTop().StepTo(root, start, end, &none);
      if (ts_node_is_null(top) && !none)
        top = LastTop().DescendTo(root, start, end);
      if (ts_node_is_null(top)) return RememberedAs(root, std::move(path));
      path.push_back(top);
    }
  }
  Descend(&path, start, end);
  if (start < end) return RememberedAs(root, std::move(path));
  return path;
}

namespace {

// `n`'s parent when `n` lies on the last path found (climbing from a node
// PathTo found, one level at a time), without copying the path.
std::optional<TSNode> ParentOnLastPath(TSNode n) {
  const RememberedPath& last = LastPath();
  if (last.path.empty() || last.root.tree != n.tree ||
      last.generation != g_tree_generation.load()) {
    return std::nullopt;
  }
  for (size_t i = last.path.size(); i-- > 1;) {
    if (ts_node_eq(last.path[i], n)) return last.path[i - 1];
  }
  return std::nullopt;
}

}  // namespace

TSNode Parent(TSNode n) {
  if (ts_node_is_null(n)) return n;
  if (std::optional<TSNode> known = ParentOnLastPath(n)) return *known;
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  if (start < end) {
    std::vector<TSNode> path = PathTo(ts_tree_root_node(n.tree), start, end);
    for (size_t i = path.size(); i-- > 1;) {
      if (ts_node_eq(path[i], n)) return path[i - 1];
    }
    if (!path.empty() && ts_node_eq(path[0], n)) return TSNode{};  // the root
  }
  return ts_node_parent(n);  // a zero-width node: no path leads to it
}

TSNode EnclosingOfType(TSNode n, std::string_view type) {
  if (ts_node_is_null(n) || Is(n, type)) return n;
  for (TSNode p : Ancestors(n)) {  // one descent, not one per level
    if (Is(p, type)) return p;
  }
  return TSNode{};
}

std::vector<TSNode> Ancestors(TSNode n) {
  if (ts_node_is_null(n)) return {};
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  // The path to n's range ends at n or at a descendant spanning the same
  // bytes. A zero-width node (error recovery) has no such path.
  std::vector<TSNode> path =
      start == end ? std::vector<TSNode>()
                   : PathTo(ts_tree_root_node(n.tree), start, end);
  auto at = std::find_if(path.rbegin(), path.rend(),
                         [&](TSNode p) { return ts_node_eq(p, n); });
  if (at == path.rend()) return AncestorsByParent(n);
  std::vector<TSNode> up(at + 1, path.rend());  // parent first
  if (up.size() > static_cast<size_t>(kMaxClimb)) up.resize(kMaxClimb);
  return up;
}

TSNode Unwrap(TSNode n) {
  while (!ts_node_is_null(n)) {
    std::string_view type = Type(n);
    if (type == "parenthesized_expression" || type == "non_null_expression") {
      n = ts_node_named_child(n, 0);
    } else if (type == "as_expression" || type == "satisfies_expression") {
      n = ts_node_named_child(n, 0);
    } else if (type == "type_assertion") {
      n = ts_node_named_child(n, 1);
    } else {
      break;
    }
    // Skip a leading comment inside parentheses: `( /* c */ {...})`.
    while (!ts_node_is_null(n) && IsComment(n))
      n = ts_node_next_named_sibling(n);
  }
  return n;
}

bool DeeperThan(TSNode root, int depth) {
  if (ts_node_is_null(root)) return false;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  int level = 0;
  bool deeper = false;
  while (!deeper) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      deeper = ++level > depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (level == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return false;
      }
      --level;
    }
  }
  ts_tree_cursor_delete(&cursor);
  return true;
}

std::vector<TSNode> Arguments(TSNode call) {
  std::vector<TSNode> args;
  for (TSNode arg : NamedChildren(Field(call, "arguments"))) {
    if (!IsComment(arg)) args.push_back(arg);
  }
  return args;
}

bool IsPatternPart(TSNode n) {
  std::string_view t = Type(n);
  return t == "object_pattern" || t == "array_pattern" || t == "pair_pattern" ||
         t == "assignment_pattern" || t == "object_assignment_pattern" ||
         t == "rest_pattern";
}

bool IsFunction(TSNode n) {
  static constexpr std::array<std::string_view, 7> kFunctions = {
      "function_declaration",
      "function_expression",
      "function",
      "arrow_function",
      "method_definition",
      "generator_function",
      "generator_function_declaration"};
  std::string_view type = Type(n);
  for (std::string_view f : kFunctions) {
    if (type == f) return true;
  }
  return false;
}

bool StringLiteralValue(TSNode n, std::string_view source, std::string* out) {
  n = Unwrap(n);
  if (ts_node_is_null(n)) return false;
  std::string_view type = Type(n);
  if (type != "string" && type != "template_string") return false;
  if (type == "template_string") {
    for (TSNode part : NamedChildren(n)) {
      if (Is(part, "template_substitution")) return false;
    }
  }
  std::string_view text = Text(n, source);
  if (text.size() < 2) return false;
  // The engine sees `'pay\u0050al'` as `payPal`; so must the tool.
  *out = DecodeJsEscapes(text.substr(1, text.size() - 2));
  return true;
}

}  // namespace psm::node
