// common/boxed_optional.h: std::optional's behaviour, the value on the heap.
#include "common/boxed_optional.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace psm {
namespace {

TEST(BoxedOptionalTest, BehavesAsAnOptional) {
  BoxedOptional<std::string> none;
  EXPECT_FALSE(none);
  EXPECT_FALSE(none.has_value());
  EXPECT_EQ(std::optional<std::string>(none), std::nullopt);

  BoxedOptional<std::string> some = std::string("payPal");
  ASSERT_TRUE(some);
  EXPECT_EQ(*some, "payPal");
  EXPECT_EQ(some->size(), 6u);

  // Copies are deep: changing one leaves the other.
  BoxedOptional<std::string> copy = some;
  *copy = "klarna";
  EXPECT_EQ(*some, "payPal");
  EXPECT_EQ(*copy, "klarna");

  // From and to std::optional, empty or not.
  BoxedOptional<std::string> from = std::optional<std::string>("konbini");
  EXPECT_EQ(std::optional<std::string>(from), "konbini");
  from = std::optional<std::string>();
  EXPECT_FALSE(from);

  BoxedOptional<std::string> moved = std::move(some);
  EXPECT_EQ(*moved, "payPal");
  moved.reset();
  EXPECT_FALSE(moved);
}

TEST(BoxedOptionalTest, EmptyIsThePointerAlone) {
  EXPECT_EQ(sizeof(BoxedOptional<std::string>), sizeof(void*));
}

}  // namespace
}  // namespace psm
