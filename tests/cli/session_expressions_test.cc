#include "cli/session_expressions.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

std::vector<SessionExpressions::ByPath> ByPath(
    std::initializer_list<std::pair<const char*, const char*>> entries) {
  std::vector<SessionExpressions::ByPath> out;
  std::string error;
  for (const auto& [glob, expression] : entries)
    out.push_back({*PathGlob::Parse(glob, &error), expression});
  return out;
}

const auto kSettings = {
    std::pair{"src/**", "app.session.id"},
    std::pair{"src/payments/**", "this.config.sessionId"},
    std::pair{"src/payments/legacy/*.js", "legacy.sessionId"},
    std::pair{"src/checkout/**", "checkout.payment.session.id"}};

TEST(SessionExpressionsTest, TheMostSpecificMatchWinsWhateverTheOrder) {
  SessionExpressions sessions("", "", ByPath(kSettings), "/repo");
  EXPECT_EQ(sessions.For("/repo/src/payments/paypal.js").expression,
            "this.config.sessionId");
  EXPECT_EQ(sessions.For("/repo/src/payments/legacy/konbini.js").expression,
            "legacy.sessionId");
  EXPECT_EQ(sessions.For("/repo/src/payments/legacy/deep/x.js").expression,
            "this.config.sessionId");
  EXPECT_EQ(sessions.For("/repo/src/checkout/index.js").from,
            "sessionIds \"src/checkout/**\"");
  EXPECT_EQ(sessions.For("/repo/src/app.js").expression, "app.session.id");
}

TEST(SessionExpressionsTest, FallsBackToSessionIdThenThePlaceholder) {
  SessionExpressions with_default("", "window.sid", ByPath(kSettings), "/repo");
  SessionChoice other = with_default.For("/repo/lib/pay.js");
  EXPECT_EQ(other.expression, "window.sid");
  EXPECT_EQ(other.from, "sessionId");
  // Paths are relative to the config file's directory: not below it, no
  // glob applies.
  EXPECT_EQ(with_default.For("/elsewhere/src/pay.js").from, "sessionId");
  SessionExpressions none("", "", ByPath(kSettings), "/repo");
  EXPECT_EQ(none.For("/repo/lib/pay.js").expression, "");
  EXPECT_EQ(none.For("/repo/lib/pay.js").from, "placeholder");
}

TEST(SessionExpressionsTest, TheCommandLineOverridesEverySetting) {
  SessionExpressions sessions("cli.sid", "window.sid", ByPath(kSettings),
                              "/repo");
  SessionChoice choice = sessions.For("/repo/src/payments/paypal.js");
  EXPECT_EQ(choice.expression, "cli.sid");
  EXPECT_EQ(choice.from, "--session-id");
}

TEST(SessionExpressionsTest, AConfigAtTheRootOfTheFileSystemStillMatches) {
  SessionExpressions sessions("", "", ByPath(kSettings), "/");
  EXPECT_EQ(sessions.For("/src/checkout/a.js").expression,
            "checkout.payment.session.id");
}

// Each expression, from the command line or the config, is inserted as one
// property value and carries what it needs to the planner.
TEST(SessionExpressionsTest, EveryExpressionIsReadAsOneValue) {
  SessionExpressions config(
      "", "first, second",
      ByPath({{"src/**", "a, b"}, {"lib/**", "await getSid()"}}), "/repo");
  EXPECT_EQ(config.For("/repo/src/pay.js").expression, "(a, b)");
  EXPECT_EQ(config.For("/repo/other/pay.js").expression, "(first, second)");
  SessionChoice awaited = config.For("/repo/lib/pay.js");
  EXPECT_EQ(awaited.expression, "await getSid()");
  EXPECT_TRUE(awaited.needs.await);
  EXPECT_FALSE(config.For("/repo/src/pay.js").needs.any());
  SessionExpressions flag("x => x, y", "", {}, "/repo");
  EXPECT_EQ(flag.For("/repo/pay.js").expression, "(x => x, y)");
}

}  // namespace
}  // namespace psm
