#include "syntax/tree_release.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "common/spare_cores.h"
#include "syntax/language.h"
#include "syntax/node.h"

namespace psm {
namespace {

// Leaves no spare core behind for the other tests.
struct TreeReleaseTest : ::testing::Test {
  void TearDown() override { SpareCores::Set(0); }
};

std::string Statements(size_t bytes) {
  std::string text;
  for (int i = 0; text.size() < bytes; ++i) {
    text += "dr.createSource({type: 'payPal', amount: " + std::to_string(i) +
            ", payPal: {items: []}});\n";
  }
  return text;
}

// Waits (up to a few seconds) for the spare core to be free again.
bool CoreComesBack() {
  for (int i = 0; i < 500; ++i) {
    if (SpareCores::Borrow()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

TEST_F(TreeReleaseTest, ALargeTreeIsFreedOnASpareCoreWhichComesBack) {
  const std::string text = Statements(kTreeWorthReleasingAside + 1000);
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, text);
  ASSERT_TRUE(tree.ok());
  // A path remembered into it must not be taken for one into the next tree.
  TSNode root = tree.Root();
  TSNode call = ts_node_named_child(root, 100);
  std::vector<TSNode> up =
      node::PathTo(root, ts_node_start_byte(call), ts_node_end_byte(call));
  ASSERT_FALSE(up.empty());

  SpareCores::Set(1);
  uint64_t before = TreesReleasedAside();
  ReleaseTree(std::move(tree));
  EXPECT_EQ(TreesReleasedAside(), before + 1);
  EXPECT_FALSE(tree.ok());  // NOLINT(bugprone-use-after-move): it was taken
  EXPECT_TRUE(CoreComesBack()) << "the freeing thread kept its core";

  // The next tree is read afresh (node paths, this thread's pools).
  Tree next = parser.Parse(Language::kJavaScript, text);
  TSNode next_call = ts_node_named_child(next.Root(), 100);
  std::vector<TSNode> again = node::PathTo(
      next.Root(), ts_node_start_byte(next_call), ts_node_end_byte(next_call));
  ASSERT_FALSE(again.empty());
  EXPECT_TRUE(ts_node_eq(again.back(), next_call));
  EXPECT_EQ(again.front().tree, next.Root().tree);
}

TEST_F(TreeReleaseTest, SmallTreesAndRunsWithoutASpareCoreFreeHere) {
  Parser parser;
  uint64_t before = TreesReleasedAside();
  SpareCores::Set(1);
  ReleaseTree(parser.Parse(Language::kJavaScript, Statements(10000)));
  EXPECT_EQ(TreesReleasedAside(), before) << "a small tree took a thread";

  SpareCores::Set(0);
  ReleaseTree(parser.Parse(Language::kJavaScript,
                           Statements(kTreeWorthReleasingAside + 1000)));
  EXPECT_EQ(TreesReleasedAside(), before) << "no core was spare";
  ReleaseTree(Tree());  // nothing to free: nothing happens
  EXPECT_EQ(TreesReleasedAside(), before);
}

}  // namespace
}  // namespace psm
