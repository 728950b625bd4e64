#include "common/path_glob.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

PathGlob Glob(const std::string& text) {
  std::string error;
  std::optional<PathGlob> glob = PathGlob::Parse(text, &error);
  EXPECT_TRUE(glob) << text << ": " << error;
  return glob ? *glob : *PathGlob::Parse("x", &error);
}

std::string ErrorOf(const std::string& text) {
  std::string error;
  EXPECT_FALSE(PathGlob::Parse(text, &error)) << text;
  return error;
}

TEST(PathGlobTest, DoubleStarMatchesAnyNumberOfPartsIncludingNone) {
  PathGlob glob = Glob("src/payments/**");
  EXPECT_TRUE(glob.Matches("src/payments/paypal.js"));
  EXPECT_TRUE(glob.Matches("src/payments/legacy/konbini.js"));
  EXPECT_FALSE(glob.Matches("src/checkout/index.js"));
  EXPECT_FALSE(glob.Matches("lib/src/payments/paypal.js"));
  PathGlob middle = Glob("src/**/request.ts");
  EXPECT_TRUE(middle.Matches("src/request.ts"));
  EXPECT_TRUE(middle.Matches("src/a/b/request.ts"));
  EXPECT_FALSE(middle.Matches("src/a/b/request.js"));
}

TEST(PathGlobTest, SingleStarStaysWithinOnePart) {
  PathGlob glob = Glob("src/*.js");
  EXPECT_TRUE(glob.Matches("src/checkout.js"));
  EXPECT_FALSE(glob.Matches("src/payments/paypal.js"));
  EXPECT_TRUE(Glob("src/pay?al-[a-z]*.js").Matches("src/paypal-request.js"));
  EXPECT_FALSE(Glob("src/pay?al-[a-z]*.js").Matches("src/paypal-1.js"));
}

TEST(PathGlobTest, IsAnchoredToTheWholePath) {
  EXPECT_FALSE(Glob("*.js").Matches("src/checkout.js"));
  EXPECT_TRUE(Glob("**/*.js").Matches("src/checkout.js"));
  EXPECT_TRUE(Glob("src/checkout.js").Matches("src/checkout.js"));
  EXPECT_FALSE(Glob("src/checkout.js").Matches("src/checkout.jsx"));
}

TEST(PathGlobTest, RejectsWhatIsNotAGlobWithTheCause) {
  EXPECT_EQ(ErrorOf(""), "empty glob");
  EXPECT_NE(ErrorOf("/src/**").find("absolute"), std::string::npos);
  EXPECT_NE(ErrorOf("src/[ab.js").find("unclosed `[`"), std::string::npos);
  EXPECT_NE(ErrorOf("src/**.js").find("whole path part"), std::string::npos);
  EXPECT_NE(ErrorOf("src//x.js").find("empty path part"), std::string::npos);
  EXPECT_NE(ErrorOf("../src/*.js").find("`..`"), std::string::npos);
  std::string error;
  EXPECT_TRUE(PathGlob::Parse("src/[]]x.js", &error)) << error;
}

TEST(PathGlobTest, LongerLiteralPrefixIsMoreSpecific) {
  EXPECT_TRUE(Glob("src/payments/legacy/*.js")
                  .MoreSpecificThan(Glob("src/payments/**")));
  EXPECT_FALSE(Glob("src/payments/**")
                   .MoreSpecificThan(Glob("src/payments/legacy/*.js")));
  // The prefix counts, not the literal characters after a wildcard.
  EXPECT_TRUE(Glob("src/payments/**")
                  .MoreSpecificThan(Glob("src/**/payments/legacy/konbini.js")));
}

TEST(PathGlobTest, ThenFewerWildcardsThenTheLongerGlobThenTheText) {
  EXPECT_TRUE(Glob("src/*.js").MoreSpecificThan(Glob("src/*/*.js")));
  EXPECT_TRUE(Glob("src/*.tsx").MoreSpecificThan(Glob("src/*.ts")));
  EXPECT_TRUE(Glob("src/*.js").MoreSpecificThan(Glob("src/*.ts")));
  EXPECT_FALSE(Glob("src/*.ts").MoreSpecificThan(Glob("src/*.js")));
  // `**` counts as two wildcards: `src/*` is narrower than `src/**`.
  EXPECT_TRUE(Glob("src/*").MoreSpecificThan(Glob("src/**")));
  EXPECT_FALSE(Glob("src/**").MoreSpecificThan(Glob("src/*")));
  EXPECT_TRUE(Glob("src/*/*").MoreSpecificThan(Glob("src/**")));
}

}  // namespace
}  // namespace psm
