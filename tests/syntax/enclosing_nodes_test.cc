// syntax/enclosing_nodes.h: whatever order the ranges come in, each answer
// is the deepest node that holds the range strictly, as a search of the
// whole tree finds it.
#include "syntax/enclosing_nodes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "syntax/tree.h"

namespace psm {
namespace {

struct Deep {
  TSNode node;
  size_t depth;
};

// Every node of the tree with its depth, found with a cursor.
std::vector<Deep> AllNodes(TSNode root) {
  std::vector<Deep> nodes;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  size_t depth = 0;
  for (bool more = true; more;) {
    nodes.push_back({ts_tree_cursor_current_node(&cursor), depth});
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
      --depth;
    }
  }
  ts_tree_cursor_delete(&cursor);
  return nodes;
}

// The deepest node holding `range` strictly, the root when none does.
TSNode Expected(const std::vector<Deep>& nodes, ByteRange range) {
  Deep best = nodes.front();
  for (const Deep& d : nodes) {
    if (ts_node_start_byte(d.node) < range.begin &&
        range.end < ts_node_end_byte(d.node) && d.depth > best.depth) {
      best = d;
    }
  }
  return best.node;
}

// Asks for every range in `ranges`, in that order, and compares.
void ExpectSameAnswers(const std::string& text,
                       const std::vector<ByteRange>& ranges) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, text);
  std::vector<Deep> nodes = AllNodes(tree.Root());
  EnclosingNodes enclosing(tree.Root());
  for (ByteRange r : ranges) {
    TSNode got = enclosing.Of(r), want = Expected(nodes, r);
    ASSERT_TRUE(ts_node_eq(got, want))
        << "[" << r.begin << ", " << r.end << ") got " << ts_node_type(got)
        << " at " << ts_node_start_byte(got) << ", want " << ts_node_type(want)
        << " at " << ts_node_start_byte(want);
  }
}

// Ranges of length 0, 1, 3 and 12 from every offset, in source order.
std::vector<ByteRange> RangesIn(const std::string& text) {
  std::vector<ByteRange> ranges;
  auto size = static_cast<uint32_t>(text.size());
  for (uint32_t begin = 0; begin <= size; ++begin) {
    for (uint32_t length : {0u, 1u, 3u, 12u}) {
      if (begin + length <= size) ranges.push_back({begin, begin + length});
    }
  }
  return ranges;
}

const std::string kNested =
    "const a = 1; // note\n"
    "function f(x) {\n"
    "  if (x) { g({k: {m: [1, 2], n: 'v'}, /* c */ p}); }\n"
    "  return {q: () => ({r: x})};\n"
    "}\n"
    "class C { m() { return h({s: 1,\u00a0t: 2}); } }\n";

std::string Statements(int n) {
  std::string text;
  for (int k = 0; k < n; ++k)
    text += "f({a: " + std::to_string(k) + ", b: {c: 1}});\n";
  return text;
}

TEST(EnclosingNodesTest, RangesInSourceOrderGetTheDeepestHolder) {
  ExpectSameAnswers(kNested, RangesIn(kNested));
  std::string many = Statements(40);  // more than a walk among siblings
  ExpectSameAnswers(many, RangesIn(many));
}

TEST(EnclosingNodesTest, RangesInAnyOrderGetTheDeepestHolder) {
  for (const std::string& text : {kNested, Statements(40)}) {
    std::vector<ByteRange> ranges = RangesIn(text);
    std::shuffle(ranges.begin(), ranges.end(), std::mt19937(14));
    ExpectSameAnswers(text, ranges);
    std::reverse(ranges.begin(), ranges.end());
    ExpectSameAnswers(text, ranges);
  }
}

TEST(EnclosingNodesTest, FarApartRangesAreFoundAfterLongWalks) {
  std::string text = Statements(300);
  std::vector<ByteRange> ranges;
  for (size_t at : {3u, 4u, 11u, 12u, 20u, 150u, 151u, 299u}) {
    size_t line = 0;
    for (size_t k = 0; k < at; ++k) line = text.find('\n', line) + 1;
    auto inner = static_cast<uint32_t>(text.find("c: 1", line));
    ranges.push_back({inner, inner + 4});
    ranges.push_back({inner + 4, inner + 4});
  }
  ExpectSameAnswers(text, ranges);
}

}  // namespace
}  // namespace psm
