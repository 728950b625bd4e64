#include "project/response_match.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

constexpr char kAction[] = "DrPay/Controller/Paypal/Savedrquote.php";

TEST(ResponseMatchTest, AMagentoActionIsReachedWithParametersAfterIt) {
  EXPECT_TRUE(UrlMayReachMagentoAction("drpay/paypal/savedrquote", kAction));
  EXPECT_TRUE(UrlMayReachMagentoAction(
      "/drpay/paypal/savedrquote/store/default", kAction));
  EXPECT_TRUE(UrlMayReachMagentoAction(
      "https://shop.example/drpay/paypal/savedrquote/id/5?x=1", kAction));
  // UrlNamesFile alone looks at the last two segments only.
  EXPECT_FALSE(
      UrlNamesFile("/drpay/paypal/savedrquote/store/default", kAction));
}

TEST(ResponseMatchTest, AnotherActionOfTheModuleDoesNotReachIt) {
  EXPECT_FALSE(
      UrlMayReachMagentoAction("drpay/wiretransfer/savedrquote", kAction));
  EXPECT_FALSE(UrlMayReachMagentoAction("/wiretransfer/savedrquote", kAction));
  EXPECT_FALSE(UrlMayReachMagentoAction("rest/V1/carts/mine", kAction));
  EXPECT_FALSE(UrlMayReachMagentoAction("drpay/paypal/success", kAction));
}

}  // namespace
}  // namespace psm
