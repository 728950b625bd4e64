#include "project/mixin_touches.h"

#include <gtest/gtest.h>

#include <string>

#include "project/module_linker.h"

namespace psm {
namespace {

// What the AMD mixin `text` may do to its target's createSource.
std::string Touches(const std::string& text) {
  Module mixin;
  mixin.path = "/p/mixin.js";
  mixin.text = text;
  Parser parser;
  mixin.tree = parser.Parse(Language::kJavaScript, mixin.text);
  return MixinTouches(ModuleCache::Export(mixin, "default").node, mixin.text,
                      "createSource");
}

TEST(MixinTouchesTest, OneThatNamesTheMember) {
  EXPECT_EQ(Touches("define(['mage/utils/wrapper'], function (wrapper) {\n"
                    "  return function (dr) {\n"
                    "    dr.createSource = wrapper.wrap(dr.createSource, f);\n"
                    "    return dr;\n  };\n});\n"),
            "names createSource");
}

TEST(MixinTouchesTest, OneThatHandsItsTargetOn) {
  EXPECT_NE(Touches("define(['a'], function (a) {\n"
                    "  return function (client) {\n"
                    "    return a.instrument(client);\n  };\n});\n")
                .find("hands its target on"),
            std::string::npos);
  // A member it computes, in a closure.
  EXPECT_NE(Touches("define(['_'], function (_) {\n"
                    "  return function (c) {\n"
                    "    _.each(names, function (n) { c[n] = w(c[n]); });\n"
                    "    return c;\n  };\n});\n"),
            "");
}

TEST(MixinTouchesTest, OneThatSetsOtherMembersByName) {
  EXPECT_EQ(Touches("define([], function () {\n"
                    "  return function (client) {\n"
                    "    client.locale = 'ja-JP';\n"
                    "    client.on('ready', f);\n"
                    "    return client;\n  };\n});\n"),
            "");
  EXPECT_EQ(
      Touches("define([], function () {\n"
              "  return (client) => { client.ready = true; return client; };\n"
              "});\n"),
      "");
}

TEST(MixinTouchesTest, OneTheToolCannotRead) {
  EXPECT_EQ(Touches("define([], function () { return helpers.mixin; });\n"),
            "is not a function the tool can read");
}

}  // namespace
}  // namespace psm
