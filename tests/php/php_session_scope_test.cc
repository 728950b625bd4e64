#include "php/php_session_scope.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// Why `expression` cannot run where the file's `[` (the payload array)
// is; "" when it can.
std::string OutOfScope(const std::string& text, const std::string& expression) {
  Parser parser;
  Tree tree = parser.Parse(Language::kPhp, text);
  auto at = static_cast<uint32_t>(text.find("['type'"));
  return php::SessionExpressionOutOfScope(tree.Root(), at, expression, text);
}

TEST(PhpSessionScopeTest, AVariableTheFunctionSetsOrTakesIsInScope) {
  std::string sets =
      "<?php function wire($cart) {\n"
      "  $sid = $cart->sessionId();\n"
      "  $p = ['type' => 'wireTransfer'];\n}\n";
  EXPECT_EQ(OutOfScope(sets, "$sid"), "");
  EXPECT_EQ(OutOfScope(sets, "$cart->sid"), "");
  EXPECT_EQ(OutOfScope(sets, "get_sid($cart)"), "");
  EXPECT_EQ(OutOfScope("<?php class C { function f($sid) {\n"
                       "  return ['type' => 'konbini'];\n} }\n",
                       "$sid"),
            "");
}

TEST(PhpSessionScopeTest, AVariableOnlyPartOfAnotherNameIsNot) {
  std::string other =
      "<?php function wire($cart_sid, $x) {\n"
      "  $mysid = 1; $o->sid = 2; // sid\n"
      "  $p = ['type' => 'wireTransfer'];\n}\n";
  EXPECT_NE(OutOfScope(other, "$sid").find("neither takes nor sets `$sid`"),
            std::string::npos);
  EXPECT_NE(OutOfScope(other, "$cart").find("neither takes nor sets"),
            std::string::npos);
}

}  // namespace
}  // namespace psm
