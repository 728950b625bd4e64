#include "edit/offset_map.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(OffsetMapTest, MapsOffsetsPastGrowingAndShrinkingEdits) {
  EditSet edits;
  ASSERT_FALSE(edits.Add({{2, 4}, ""}));      // "cd" goes
  ASSERT_FALSE(edits.Add({{6, 6}, "XYZ"}));   // inserted before "g"
  ASSERT_FALSE(edits.Add({{8, 9}, "long"}));  // "i" grows
  OffsetMap map(edits);
  EXPECT_EQ(map.Map(0, false), 0u);
  EXPECT_EQ(map.Map(4, false), 2u);  // "e" after the deletion
  EXPECT_EQ(map.Map(6, false), 4u);  // before the insertion...
  EXPECT_EQ(map.Map(6, true), 7u);   // ...or after it
  EXPECT_EQ(map.Map(9, true), 13u);  // "j", past the growth
  std::string after = ApplyEdits("abcdefghij", edits);
  EXPECT_EQ(after.substr(map.Map(9, true)), "j");
}

TEST(OffsetMapTest, AnInsertionAtTheEndOfAReplacementCountsOnlyWhenAsked) {
  EditSet edits;
  ASSERT_FALSE(edits.Add({{1, 3}, "Q"}));
  ASSERT_FALSE(edits.Add({{3, 3}, "++"}));
  OffsetMap map(edits);
  EXPECT_EQ(map.Map(3, false), 2u);
  EXPECT_EQ(map.Map(3, true), 4u);
}

}  // namespace
}  // namespace psm
