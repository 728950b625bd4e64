#include "find/script_kind.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/tree.h"

namespace psm {
namespace {

bool Classic(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  return IsClassicScript(tree.Root(), source);
}

TEST(ScriptKindTest, PlainScriptsAndRequireJsCallbacksAreClassic) {
  EXPECT_TRUE(
      Classic("var payload = {type: 'payPal'};\ndr.createSource(payload);"));
  EXPECT_TRUE(Classic("'use strict';\nfunction build() { return {}; }"));
  // RequireJS loads modules by array; the file itself is a classic script.
  EXPECT_TRUE(Classic("require(['jquery'], function ($) { $('#pay'); });"));
  // The words alone, in a comment or a string, are no module syntax.
  EXPECT_TRUE(Classic("// imports nothing\nvar s = 'exports';"));
}

TEST(ScriptKindTest, EsModulesAreNotClassic) {
  EXPECT_FALSE(Classic("import dr from './dr';\nvar payload = {};"));
  EXPECT_FALSE(Classic("var payload = {};\nexport default payload;"));
  EXPECT_FALSE(Classic("export function build() { return {}; }"));
}

TEST(ScriptKindTest, CommonJsModulesAreNotClassic) {
  EXPECT_FALSE(Classic("const api = require('./api');\nvar payload = {};"));
  EXPECT_FALSE(Classic("var payload = {};\nmodule.exports = payload;"));
  EXPECT_FALSE(Classic("exports.build = function () { return {}; };"));
  EXPECT_FALSE(Classic("const x = require( \"x\" );"));
}

}  // namespace
}  // namespace psm
