#include "report/unified_diff.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(UnifiedDiffTest, EqualTextsGiveNoDiff) {
  EXPECT_EQ(UnifiedDiff("a.js", "x\ny\n", "x\ny\n"), "");
}

TEST(UnifiedDiffTest, ReplacesOneLineWithContext) {
  EXPECT_EQ(UnifiedDiff("src/a.js", "1\n2\n3\n4\n5\n", "1\n2\nthree\n4\n5\n"),
            "--- a/src/a.js\n+++ b/src/a.js\n"
            "@@ -1,5 +1,5 @@\n 1\n 2\n-3\n+three\n 4\n 5\n");
}

TEST(UnifiedDiffTest, PureInsertionAndDeletionCountLinesRight) {
  EXPECT_EQ(UnifiedDiff("a", "a\nb\n", "a\nnew\nb\n"),
            "--- a/a\n+++ b/a\n@@ -1,2 +1,3 @@\n a\n+new\n b\n");
  EXPECT_EQ(UnifiedDiff("a", "a\nold\nb\n", "a\nb\n"),
            "--- a/a\n+++ b/a\n@@ -1,3 +1,2 @@\n a\n-old\n b\n");
}

TEST(UnifiedDiffTest, DistantChangesGetSeparateHunks) {
  std::string before, after;
  for (int i = 0; i < 30; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 25 ? "x" : std::to_string(i)) + "\n";
  }
  std::string diff = UnifiedDiff("f", before, after);
  EXPECT_NE(diff.find("@@ -1,6 +1,6 @@"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -23,7 +23,7 @@"), std::string::npos) << diff;
}

TEST(UnifiedDiffTest, NearChangesShareOneHunk) {
  std::string diff =
      UnifiedDiff("f", "a\nb\nc\nd\ne\nf\ng\nh\n", "A\nb\nc\nd\ne\nf\ng\nH\n");
  size_t first = diff.find("\n@@ ");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(diff.find("\n@@ ", first + 1), std::string::npos) << diff;
}

TEST(UnifiedDiffTest, MarksMissingFinalNewline) {
  EXPECT_EQ(UnifiedDiff("a", "x\ny", "x\nz"),
            "--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end "
            "of file\n"
            "+z\n\\ No newline at end of file\n");
}

TEST(UnifiedDiffTest, KeepsCarriageReturnsInLines) {
  std::string diff = UnifiedDiff("a", "x\r\ny\r\n", "x\r\nz\r\n");
  EXPECT_NE(diff.find("-y\r\n+z\r\n"), std::string::npos);
}

TEST(UnifiedDiffTest, QuotesNamesAsGitDoes) {
  EXPECT_TRUE(UnifiedDiff("new\nline\xff.js", "a\n", "b\n")
                  .starts_with("--- \"a/new\\nline\\377.js\"\n"
                               "+++ \"b/new\\nline\\377.js\"\n@@ "));
}

// git ends the name with a tab when it holds a space, so that a trailing
// space is read as part of the name.
TEST(UnifiedDiffTest, NamesWithASpaceEndInATab) {
  EXPECT_TRUE(UnifiedDiff("dir /sp ace.js", "a\n", "b\n")
                  .starts_with("--- a/dir /sp ace.js\t\n"
                               "+++ b/dir /sp ace.js\t\n@@ "));
}

}  // namespace
}  // namespace psm
