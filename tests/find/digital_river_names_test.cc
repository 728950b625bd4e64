#include "find/digital_river_names.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(DigitalRiverNamesTest, WordsNamingTheLibrary) {
  EXPECT_TRUE(NamedAfterDigitalRiver("dr"));
  EXPECT_TRUE(NamedAfterDigitalRiver("window.DR"));
  EXPECT_TRUE(NamedAfterDigitalRiver("this.drjs"));
  EXPECT_TRUE(NamedAfterDigitalRiver("DRjs"));
  EXPECT_TRUE(NamedAfterDigitalRiver("this.drService"));
  EXPECT_TRUE(NamedAfterDigitalRiver("app.dr_client"));
  EXPECT_TRUE(NamedAfterDigitalRiver("this.digitalRiver"));
  EXPECT_TRUE(NamedAfterDigitalRiver("window.DigitalRiverInstance"));
  EXPECT_TRUE(NamedAfterDigitalRiver("DIGITAL_RIVER"));
  EXPECT_TRUE(NamedAfterDigitalRiver("@digital-river/js-loader"));
  EXPECT_TRUE(NamedAfterDigitalRiver("DRPay"));
}

TEST(DigitalRiverNamesTest, OtherNamesAreNot) {
  EXPECT_FALSE(NamedAfterDigitalRiver("api"));
  EXPECT_FALSE(NamedAfterDigitalRiver("dataSources.sourceAPI"));
  EXPECT_FALSE(NamedAfterDigitalRiver("this.$api"));
  EXPECT_FALSE(NamedAfterDigitalRiver("address"));
  EXPECT_FALSE(NamedAfterDigitalRiver("order.drafts"));
  EXPECT_FALSE(NamedAfterDigitalRiver("hdrClient"));
  EXPECT_FALSE(NamedAfterDigitalRiver("req.app.locals.db"));
}

}  // namespace
}  // namespace psm
