#include "syntax/node.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

std::vector<TSNode> ParentChain(TSNode n) {
  std::vector<TSNode> chain;
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p);
       p = ts_node_parent(p)) {
    chain.push_back(p);
  }
  return chain;
}

std::vector<TSNode> AllNodes(TSNode root) {
  std::vector<TSNode> nodes;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (bool more = true; more;) {
    nodes.push_back(ts_tree_cursor_current_node(&cursor));
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return nodes;
}

void ExpectSameNodes(const std::vector<TSNode>& a, const std::vector<TSNode>& b,
                     const std::string& where) {
  ASSERT_EQ(a.size(), b.size()) << where;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(ts_node_eq(a[i], b[i])) << where << " #" << i;
  }
}

// Ancestors() descends once from the root; it must name the same nodes as
// climbing with ts_node_parent(), for every node of real inputs, including
// trees with syntax errors and zero-width MISSING nodes.
TEST(NodeTest, AncestorsMatchTheParentChainEverywhere) {
  std::vector<std::pair<std::string, Language>> inputs = {
      {"const a = { b: [1, (2)], c: () => { let d = `x${e}`; } };\n"
       "export function f(g = {}) { return g?.h ?? i; }\n",
       Language::kJavaScript},
      {"let x = { a: 1,, b: ; dr.createSource({ type: 'x' }\n",
       Language::kJavaScript},
      {"class A<T> { m(p: T): void { const q = <any>p as unknown; } }\n",
       Language::kTypeScript},
      {"const el = <div a={1}>{b}</div>;\nfunction f(\n", Language::kTsx}};
  for (const auto& entry :
       std::filesystem::directory_iterator(PSM_SOURCE_DIR "/fixtures")) {
    for (const auto& file : std::filesystem::directory_iterator(entry.path())) {
      if (file.path().filename().string().rfind("input.", 0) != 0) continue;
      auto language = LanguageForPath(file.path().string());
      if (!language) continue;
      std::ifstream in(file.path());
      std::stringstream text;
      text << in.rdbuf();
      inputs.emplace_back(text.str(), *language);
      if (inputs.size() > 40) break;
    }
  }
  Parser parser;
  size_t checked = 0;
  for (const auto& [text, language] : inputs) {
    Tree tree = parser.Parse(language, text);
    ASSERT_TRUE(tree.ok());
    for (TSNode n : AllNodes(tree.Root())) {
      std::string where = std::string(ts_node_type(n)) + " at " +
                          std::to_string(ts_node_start_byte(n));
      ExpectSameNodes(node::Ancestors(n), ParentChain(n), where);
      EXPECT_TRUE(ts_node_eq(node::Parent(n), ts_node_parent(n))) << where;
      uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
      if (start < end) {
        std::vector<TSNode> path = node::PathTo(tree.Root(), start, end);
        TSNode deepest =
            ts_node_descendant_for_byte_range(tree.Root(), start, end);
        ASSERT_FALSE(path.empty()) << where;
        EXPECT_TRUE(ts_node_eq(path.back(), deepest)) << where;
        std::vector<TSNode> up(path.rbegin() + 1, path.rend());
        ExpectSameNodes(up, ParentChain(path.back()), where);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000u);
}

// Parent() answers from the last path PathTo found when it can: climbing
// from every node in a shuffled order, in trees that replace each other
// (and may reuse their memory), with and without syntax errors, it must
// name the nodes ts_node_parent() names.
TEST(NodeTest, ParentAgreesWithTheTreeInAnyOrder) {
  std::vector<std::pair<std::string, Language>> inputs = {
      {"const a = { b: [1, (2)], c: () => { let d = `x${e}`; } };\n"
       "dr.createSource({ type: 'payPal', payPal: { items: [] } });\n",
       Language::kJavaScript},
      {"let x = { a: 1,, b: ; dr.createSource({ type: 'x' }\n",
       Language::kJavaScript},
      {"<?php $p = ['type' => 'x', 'a' => [1, f($b)]]; if ($c) { echo 1; }\n",
       Language::kPhp}};
  Parser parser;
  std::mt19937 random(11);
  size_t checked = 0;
  for (int round = 0; round < 2; ++round) {
    for (const auto& [text, language] : inputs) {
      Tree tree = parser.Parse(language, text);
      ASSERT_TRUE(tree.ok());
      std::vector<TSNode> nodes = AllNodes(tree.Root());
      std::shuffle(nodes.begin(), nodes.end(), random);
      for (TSNode n : nodes) {
        std::string where = std::string(ts_node_type(n)) + " at " +
                            std::to_string(ts_node_start_byte(n));
        std::vector<TSNode> climbed;
        for (TSNode p = node::Parent(n); !ts_node_is_null(p);
             p = node::Parent(p)) {
          climbed.push_back(p);
        }
        ExpectSameNodes(climbed, ParentChain(n), where);
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 200u);
}

// PathTo starts from the deepest node it shares with the last path it
// found (or was told of): asked in any order, for any range, in a tree
// that replaced another, it must answer as a descent from the root does.
TEST(NodeTest, RememberedPathsAnswerAsAFreshDescentInAnyOrder) {
  std::string text =
      "const a = { b: [1, (2)], c: () => { let d = `x${e}`; } };\n"
      "dr.createSource({ type: 'payPal', amount: 1, payPal: { items: [] } });\n"
      "function f(g = {}) { return g?.h ?? i; }\n";
  Parser parser;
  std::mt19937 random(7);
  size_t checked = 0;
  for (int round = 0; round < 3; ++round) {
    // A new tree each round, which may reuse the old one's memory.
    Tree tree = parser.Parse(Language::kJavaScript, text);
    ASSERT_TRUE(tree.ok());
    std::vector<TSNode> nodes = AllNodes(tree.Root());
    std::shuffle(nodes.begin(), nodes.end(), random);
    for (TSNode n : nodes) {
      uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
      if (start == end) continue;
      std::string where = std::string(ts_node_type(n)) + " at " +
                          std::to_string(start) + " round " +
                          std::to_string(round);
      std::vector<TSNode> path = node::PathTo(tree.Root(), start, end);
      ASSERT_FALSE(path.empty()) << where;
      EXPECT_TRUE(ts_node_eq(path.back(), ts_node_descendant_for_byte_range(
                                              tree.Root(), start, end)))
          << where;
      ExpectSameNodes(std::vector<TSNode>(path.rbegin() + 1, path.rend()),
                      ParentChain(path.back()), where);
      ++checked;
    }
    // Arbitrary ranges, some across nodes, against a descent that starts
    // from the root because every remembered path was forgotten.
    for (int k = 0; k < 200; ++k) {
      uint32_t start = random() % text.size();
      uint32_t end = start + 1 + random() % (text.size() - start);
      std::vector<TSNode> remembered = node::PathTo(tree.Root(), start, end);
      node::ForgetPaths();
      ExpectSameNodes(
          remembered, node::PathTo(tree.Root(), start, end),
          "range " + std::to_string(start) + "-" + std::to_string(end));
    }
    // A subtree as the root: the remembered path of the whole tree must not
    // lend it nodes above it.
    TSNode statement = ts_node_named_child(tree.Root(), 1);
    uint32_t at = ts_node_start_byte(statement) + 3;
    node::PathTo(tree.Root(), at, at + 12);
    std::vector<TSNode> inner = node::PathTo(statement, at, at + 12);
    ASSERT_FALSE(inner.empty());
    EXPECT_TRUE(ts_node_eq(inner.front(), statement));
  }
  EXPECT_GT(checked, 100u);
}

// Paths into later statements are found by stepping over the root's
// children (a few at most, else by a descent): with any stride, forwards
// and backwards, the answer is a fresh descent's.
TEST(NodeTest, PathsIntoLaterStatementsAnswerAsAFreshDescent) {
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> names;
  for (int k = 0; k < 60; ++k) {
    std::string name = "v" + std::to_string(k);
    text += k % 7 == 3 ? "// a comment\n" : "";
    names.emplace_back(text.size() + 4, text.size() + 4 + name.size());
    text += "let " + name + " = dr.createSource({ a: " + std::to_string(k) +
            " });\n";
  }
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, text);
  ASSERT_TRUE(tree.ok());
  size_t checked = 0;
  for (size_t stride : {1, 2, 5, 9, 13, 40}) {
    for (int backwards = 0; backwards < 2; ++backwards) {
      // First the sweep, remembered path after remembered path ...
      std::vector<std::pair<uint32_t, uint32_t>> asked;
      std::vector<std::vector<TSNode>> swept;
      for (size_t i = 0; i < names.size(); i += stride) {
        auto [start, end] = names[backwards ? names.size() - 1 - i : i];
        // Also a range inside the statement, and one running into the
        // next statement (only the root holds it).
        for (auto range :
             {std::pair{start, end}, std::pair{end + 1, end + 2},
              std::pair{start, std::min<uint32_t>(start + 40, text.size())}}) {
          asked.push_back(range);
          swept.push_back(node::PathTo(tree.Root(), range.first, range.second));
        }
      }
      // ... then each range again from the root.
      for (size_t k = 0; k < asked.size(); ++k) {
        auto [start, end] = asked[k];
        node::ForgetPaths();
        std::string where =
            "stride " + std::to_string(stride) + " at " + std::to_string(start);
        ExpectSameNodes(swept[k], node::PathTo(tree.Root(), start, end), where);
        ASSERT_FALSE(swept[k].empty()) << where;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 200u);
}

TEST(NodeTest, ChildrenAndFieldsAgreeWithIndexedAccess) {
  Parser parser;
  std::string text = "f(a, /* c */ b, ...d); const { x, y: z } = w;";
  Tree tree = parser.Parse(Language::kJavaScript, text);
  for (TSNode n : AllNodes(tree.Root())) {
    std::vector<TSNode> all = node::Children(n), named = node::NamedChildren(n);
    ASSERT_EQ(all.size(), ts_node_child_count(n));
    ASSERT_EQ(named.size(), ts_node_named_child_count(n));
    for (uint32_t i = 0; i < all.size(); ++i)
      EXPECT_TRUE(ts_node_eq(all[i], ts_node_child(n, i)));
    for (uint32_t i = 0; i < named.size(); ++i)
      EXPECT_TRUE(ts_node_eq(named[i], ts_node_named_child(n, i)));
    for (const char* field :
         {"function", "arguments", "name", "value", "body"}) {
      TSNode by_name = ts_node_child_by_field_name(n, field, strlen(field));
      EXPECT_TRUE(ts_node_eq(node::Field(n, field), by_name)) << field;
    }
  }
  EXPECT_TRUE(ts_node_is_null(node::Field(TSNode{}, "name")));
}

}  // namespace
}  // namespace psm
