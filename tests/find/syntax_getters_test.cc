#include "find/syntax_getters.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <unordered_set>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

std::set<std::string> Getters(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  std::unordered_set<std::string> names;
  AddSyntaxGetterNames(tree.Root(), source, &names);
  return {names.begin(), names.end()};
}

TEST(SyntaxGettersTest, ClassAndObjectGettersAreNamed) {
  EXPECT_EQ(Getters("class Cart { get total() { return 1; } }\n"
                    "const o = { get 'tax'() { return 2; }, get [k]() {} };"),
            (std::set<std::string>{"*", "tax", "total"}));
}

TEST(SyntaxGettersTest, AGetterOfAPayloadHandedStraightToCreateSourceIsNot) {
  // No other code can reach that object: no read elsewhere runs it.
  EXPECT_EQ(Getters("dr.createSource({ type: 'payPal', get amount() { return"
                    " card.value; } });\n"
                    "createSource(el, { get [key]() { return 1; } });\n"
                    "dr['createSource']({ get tax() { return 2; } });"),
            (std::set<std::string>{}));
}

TEST(SyntaxGettersTest, APayloadThatMaySayThisOrIsKeptIsStillCounted) {
  // `this` may hand the object on; a literal kept in a variable, or given to
  // another function, is reachable from elsewhere.
  EXPECT_EQ(Getters("dr.createSource({ get amount() { window.last = this;"
                    " return 1; } });\n"
                    "const p = { get tax() { return 2; } };\n"
                    "save({ get total() { return 3; } });"),
            (std::set<std::string>{"amount", "tax", "total"}));
}

TEST(SyntaxGettersTest, AFileWithACreateSourceOfItsOwnKeepsCountingThem) {
  // The shop's own createSource may keep the payload where a read of
  // `shop.last.amount` runs its getter.
  const std::string payload =
      "shop.createSource({ type: 'payPal', get amount() { return 1; } });\n";
  EXPECT_EQ(Getters("shop.createSource = function (p) { shop.last = p; };\n" +
                    payload),
            (std::set<std::string>{"amount"}));
  EXPECT_EQ(Getters("const shop = { createSource(p) { keep(p); } };\n" + payload),
            (std::set<std::string>{"amount"}));
  EXPECT_EQ(Getters("function createSource(p) { keep(p); }\n" + payload),
            (std::set<std::string>{"amount"}));
  // A call is no definition.
  EXPECT_EQ(Getters("const { createSource } = dr;\ncreateSource(el, {});\n" +
                    payload),
            (std::set<std::string>{}));
}

}  // namespace
}  // namespace psm
