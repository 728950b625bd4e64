#include "find/method_scan.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(MayCallMethodTest, FindsMemberCallsAcrossBlanksAndLines) {
  EXPECT_TRUE(MayCallMethod("dr.createSource(p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("dr\n  .createSource(p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("dr?.createSource(p)", "createSource"));
  EXPECT_TRUE(MayCallMethod("dr. createSource.call(dr, p)", "createSource"));
}

TEST(MayCallMethodTest, IgnoresLookAlikesAndDefinitions) {
  EXPECT_FALSE(MayCallMethod("ts.createSourceFile(x)", "createSource"));
  EXPECT_FALSE(MayCallMethod("function createSource(type) {}", "createSource"));
  EXPECT_FALSE(MayCallMethod("mycreateSource()", "createSource"));
  EXPECT_FALSE(MayCallMethod("", "createSource"));
}

}  // namespace
}  // namespace psm
