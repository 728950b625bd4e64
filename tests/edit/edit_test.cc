#include "edit/edit.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(EditSetTest, AppliesEditsInOneForwardPass) {
  EditSet edits;
  ASSERT_FALSE(edits.Add({{6, 11}, "there"}));
  ASSERT_FALSE(edits.Add({{0, 5}, "HELLO"}));
  EXPECT_EQ(ApplyEdits("hello world", edits), "HELLO there");
}

TEST(EditSetTest, RefusesOverlappingEditsNamingBoth) {
  EditSet edits;
  ASSERT_FALSE(edits.Add({{2, 6}, ""}));
  auto conflict = edits.Add({{5, 8}, "x"});
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->existing.range.begin, 2u);
  EXPECT_EQ(conflict->rejected.range.begin, 5u);
  EXPECT_NE(conflict->Describe().find("overlaps"), std::string::npos);
}

TEST(EditSetTest, RefusesInsertionInsideDeletion) {
  EditSet edits;
  ASSERT_FALSE(edits.Add({{2, 6}, ""}));
  EXPECT_TRUE(edits.Add({{4, 4}, "x"}));
}

TEST(EditSetTest, InsertionAtStartOfDeletionGoesFirst) {
  EditSet edits;
  ASSERT_FALSE(edits.Add({{2, 4}, ""}));
  ASSERT_FALSE(edits.Add({{2, 2}, "X"}));
  EXPECT_EQ(ApplyEdits("abcdef", edits), "abXef");
}

TEST(EditSetTest, AcceptsExactDuplicateOnce) {
  EditSet edits;
  ASSERT_FALSE(edits.Add({{1, 2}, "Z"}));
  ASSERT_FALSE(edits.Add({{1, 2}, "Z"}));
  EXPECT_EQ(edits.edits().size(), 1u);
  EXPECT_EQ(ApplyEdits("abc", edits), "aZc");
}

TEST(EditSetTest, AddAllIsAllOrNothing) {
  EditSet base;
  ASSERT_FALSE(base.Add({{0, 1}, ""}));
  EditSet more;
  ASSERT_FALSE(more.Add({{3, 4}, ""}));
  ASSERT_FALSE(more.Add({{0, 2}, ""}));
  EXPECT_TRUE(base.AddAll(more));
  EXPECT_EQ(base.edits().size(), 1u);
}

TEST(EditSetTest, AddAllMergesEditsThatGoBeforeExistingOnes) {
  EditSet base;
  ASSERT_FALSE(base.Add({{8, 9}, "Y"}));
  EditSet earlier;
  ASSERT_FALSE(earlier.Add({{1, 2}, "A"}));
  ASSERT_FALSE(earlier.Add({{8, 8}, "<"}));
  ASSERT_FALSE(earlier.Add({{9, 9}, ">"}));
  ASSERT_FALSE(base.AddAll(earlier));
  EXPECT_EQ(ApplyEdits("0123456789", base), "0A234567<Y>9");
}

// Taking a set's edits (AddAll of a temporary) must give what copying
// them gives, into an empty set and into one that has edits.
TEST(EditSetTest, AddAllOfATemporaryGivesWhatAddAllOfACopyGives) {
  EditSet earlier;
  ASSERT_FALSE(earlier.Add({{1, 2}, "A"}));
  ASSERT_FALSE(earlier.Add({{8, 8}, "<"}));
  ASSERT_FALSE(earlier.Add({{9, 9}, ">"}));
  for (bool start_empty : {true, false}) {
    EditSet copied, taken;
    if (!start_empty) {
      ASSERT_FALSE(copied.Add({{8, 9}, "Y"}));
      ASSERT_FALSE(taken.Add({{8, 9}, "Y"}));
    }
    ASSERT_FALSE(copied.AddAll(earlier));
    ASSERT_FALSE(taken.AddAll(EditSet(earlier)));
    EXPECT_EQ(taken.edits(), copied.edits());
  }
  EditSet overlapping;
  ASSERT_FALSE(overlapping.Add({{0, 5}, ""}));
  EditSet base = earlier;
  EXPECT_TRUE(base.AddAll(std::move(overlapping)));
  EXPECT_EQ(base.edits(), earlier.edits());
}

TEST(EditSetTest, InsertionsAtOneOffsetKeepTheirOrderAcrossAddAll) {
  EditSet base;
  ASSERT_FALSE(base.Add({{3, 3}, "a"}));
  EditSet more;
  ASSERT_FALSE(more.Add({{3, 3}, "b"}));
  ASSERT_FALSE(more.Add({{0, 1}, "X"}));
  ASSERT_FALSE(base.AddAll(more));
  EXPECT_EQ(ApplyEdits("abcdef", base), "Xbcabdef");
}

TEST(EditSetTest, FindsAConflictWithAnEditStartingLongBefore) {
  EditSet edits;
  ASSERT_FALSE(edits.Add({{0, 100}, ""}));
  ASSERT_FALSE(edits.Add({{100, 100}, "x"}));
  ASSERT_FALSE(edits.Add({{200, 210}, ""}));
  auto conflict = edits.Add({{50, 50}, "y"});
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->existing.range.end, 100u);
  EXPECT_TRUE(edits.Add({{205, 220}, ""}));
  EXPECT_FALSE(edits.Add({{210, 210}, "z"}));
  EXPECT_FALSE(edits.Add({{100, 100}, "x"}));  // a duplicate, ignored
  EXPECT_EQ(edits.edits().size(), 4u);
}

}  // namespace
}  // namespace psm
