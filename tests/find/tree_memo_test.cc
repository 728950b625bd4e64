// TreeMemo (find/tree_memo.h): per-file answers remembered while the file's
// IndexedTree is alive, and what FieldOf keeps of them per use.
#include "find/tree_memo.h"

#include <gtest/gtest.h>

#include <string>

#include "find/class_fields.h"
#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

TEST(TreeMemoTest, RemembersOnlyWhileTheFilesIndexIsAlive) {
  std::string source = "var a = 1;\n";
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  TreeMemo<int> memo;
  int made = 0;
  auto make = [&] { return ++made; };
  EXPECT_EQ(memo.Get(tree.Root(), "k", make), 1);
  EXPECT_EQ(memo.Get(tree.Root(), "k", make), 2);  // no index: made again
  {
    IndexedTree indexed(tree.Root(), source);
    EXPECT_EQ(memo.Get(tree.Root(), "k", make), 3);
    EXPECT_EQ(memo.Get(tree.Root(), "k", make), 3);  // remembered
    EXPECT_EQ(memo.Get(tree.Root(), "other", make), 4);
  }
  {
    // Another index (the same tree, maybe edited meanwhile): forgotten.
    IndexedTree indexed(tree.Root(), source);
    EXPECT_EQ(memo.Get(tree.Root(), "k", make), 5);
  }
}

TEST(TreeMemoTest, AFieldsReadsLeaveOutOnlyTheUseAskedAbout) {
  std::string source =
      "class R {\n"
      "  constructor() { this.payload = {type: 'payPal'}; }\n"
      "  a() { return this.payload; }\n"
      "  b() { return this.payload; }\n"
      "}\n";
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  auto use_at = [&](const std::string& around) {
    size_t at = source.find(around) + around.find("this");
    return ts_node_descendant_for_byte_range(
        tree.Root(), static_cast<uint32_t>(at),
        static_cast<uint32_t>(at + std::string("this.payload").size()));
  };
  TSNode in_a = use_at("a() { return this.payload"),
         in_b = use_at("b() { return this.payload");
  ASSERT_TRUE(node::Is(in_a, "member_expression"));
  IndexedTree indexed(tree.Root(), source);
  for (int round = 0; round < 2; ++round) {  // the second from the memo
    ClassField from_a = FieldOf(in_a, source), from_b = FieldOf(in_b, source);
    ASSERT_EQ(from_a.reads.size(), 1u);
    ASSERT_EQ(from_b.reads.size(), 1u);
    EXPECT_TRUE(ts_node_eq(from_a.reads[0], in_b));
    EXPECT_TRUE(ts_node_eq(from_b.reads[0], in_a));
    EXPECT_EQ(from_a.writes.size(), 1u);
  }
}

}  // namespace
}  // namespace psm
