#include "project/package_specifiers.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

using Specifiers =
    std::vector<std::pair<std::string, std::vector<std::string>>>;

// A package (`#ext`: "some-package") is not a file of the project.
TEST(PackageSpecifiersTest, SubpathImportsWithTheirConditions) {
  nlohmann::json package = nlohmann::json::parse(R"({
    "imports": {
      "#pay": {"import": "./src/pay.mjs", "require": "./src/pay.cjs"},
      "#lib/*": "./src/lib/*.js",
      "#ext": "some-package",
      "notsubpath": "./x.js"
    }})");
  EXPECT_EQ(OwnPackageSpecifiers("/p", package),
            (Specifiers{{"#lib/*", {"/p/src/lib/*.js"}},
                        {"#pay", {"/p/src/pay.mjs", "/p/src/pay.cjs"}}}));
}

TEST(PackageSpecifiersTest, TheOwnNameWithItsExports) {
  nlohmann::json subpaths = nlohmann::json::parse(R"({
    "name": "@shop/app",
    "exports": {".": "./index.js", "./pay": "./src/pay.js", "./*": null}})");
  EXPECT_EQ(OwnPackageSpecifiers("/p", subpaths),
            (Specifiers{{"@shop/app", {"/p/index.js"}},
                        {"@shop/app/pay", {"/p/src/pay.js"}}}));
  nlohmann::json conditions = nlohmann::json::parse(R"({
    "name": "shop", "exports": {"import": "./esm/index.js"}})");
  EXPECT_EQ(OwnPackageSpecifiers("/p", conditions),
            (Specifiers{{"shop", {"/p/esm/index.js"}}}));
  // What an import takes comes first, whatever the keys' order.
  nlohmann::json ordered = nlohmann::json::parse(R"({
    "name": "shop", "exports": {"./pay": {"require": "./pay.cjs",
                                          "default": "./pay.js"}}})");
  EXPECT_EQ(PackageExports("/p", ordered),
            (Specifiers{{"shop/pay", {"/p/pay.js", "/p/pay.cjs"}}}));
  // Without `exports` a package cannot import itself by name.
  EXPECT_TRUE(
      OwnPackageSpecifiers("/p", nlohmann::json::parse(R"({"name": "shop"})"))
          .empty());
}

}  // namespace
}  // namespace psm
