#include "syntax/tree_allocator.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "syntax/language.h"
#include "syntax/tree.h"

// tree-sitter's current deallocator (exported, not in api.h): strings from
// ts_node_string come from the current allocator.
extern "C" void (*ts_current_free)(void*);

namespace psm {
namespace {

// A payload-like file of `n` statements: small nodes by the thousand, and
// parser stacks and arrays that grow (realloc) past the pooled sizes.
std::string Source(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    text += "const p" + std::to_string(i) +
            " = { type: 'payPal', amount: " + std::to_string(i) +
            ", items: [{ name: `x${i}` }, " +
            std::string(i % 7 == 0 ? 300 : 3, 'y') + "] };\n";
  }
  return text;
}

std::string Sexp(const Tree& tree) {
  char* text = ts_node_string(tree.Root());
  std::string s(text);
  ts_current_free(text);
  return s;
}

// A thread that parses a large file goes on to 2 MiB chunks marked for
// huge pages once it has taken 8 MiB: the tree is the same on either
// side of that switch, and with it.
TEST(TreeAllocatorTest, LargeTreesAreUnchangedPastTheSwitchToHugeChunks) {
  const std::string text = Source(6000);  // a tree of well over 8 MiB
  std::string expected;
  {
    Parser parser;
    Tree tree = parser.Parse(Language::kJavaScript, text);
    ASSERT_TRUE(tree.ok());
    expected = Sexp(tree);
  }
  std::string first, second;
  std::thread fresh([&] {  // new pools: the switch happens in this parse
    Parser parser;
    Tree tree = parser.Parse(Language::kJavaScript, text);
    first = Sexp(tree);
    Tree again = parser.Parse(Language::kJavaScript, text);  // huge chunks
    second = Sexp(again);
  });
  fresh.join();
  EXPECT_TRUE(first == expected);
  EXPECT_TRUE(second == expected);
}

// The tree built on the pooled allocator is the same tree, through
// parsing, editing, incremental re-parsing, copying and freeing, on
// several threads at once, including trees freed by another thread.
TEST(TreeAllocatorTest, TreesAreUnchangedAcrossThreadsEditsAndCopies) {
  InstallTreeAllocator();  // already done by the test main; must be harmless
  ASSERT_NE(ts_current_free, &free) << "tree-sitter is still on malloc";
  const std::string text = Source(400);
  std::string expected;
  {
    Parser parser;
    Tree tree = parser.Parse(Language::kJavaScript, text);
    ASSERT_TRUE(tree.ok());
    expected = Sexp(tree);
  }
  std::vector<TSTree*> handed_over(4, nullptr);
  std::vector<std::string> seen(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Parser parser;
      for (int round = 0; round < 3; ++round) {
        Tree tree = parser.Parse(Language::kJavaScript, text);
        std::string edited = text;
        edited.insert(0, "let q = 1;\n");
        TSInputEdit e{0, 0, 11, {0, 0}, {0, 0}, {1, 0}};
        ts_tree_edit(tree.get(), &e);
        Tree again = parser.Reparse(Language::kJavaScript, tree, edited);
        if (!again.ok() || CountSyntaxErrors(again.Root()) != 0) return;
      }
      Tree last = parser.Parse(Language::kJavaScript, text);
      seen[t] = Sexp(last);
      handed_over[t] = ts_tree_copy(last.get());
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 4; ++t) {
    EXPECT_EQ(seen[t], expected) << "thread " << t;
    ASSERT_NE(handed_over[t], nullptr);
    ts_tree_delete(handed_over[t]);  // freed on a thread that did not parse it
  }
}

}  // namespace
}  // namespace psm
