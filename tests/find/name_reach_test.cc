#include "find/name_reach.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// LineDeclaredOutOfReach for the read of `name` marked by `/*@*/name`.
uint32_t AnswerAtMark(const std::string& source, std::string_view name,
                      Language language = Language::kJavaScript) {
  Parser parser;
  Tree tree = parser.Parse(language, source);
  size_t mark = source.find("/*@*/");
  EXPECT_NE(mark, std::string::npos);
  uint32_t at = static_cast<uint32_t>(mark + 5);
  TSNode use = ts_node_named_descendant_for_byte_range(
      tree.Root(), at, at + static_cast<uint32_t>(name.size()));
  return LineDeclaredOutOfReach(use, name, source);
}

TEST(NameReachTest, AConstOfAnotherFunctionIsOutOfReach) {
  EXPECT_EQ(AnswerAtMark("function a() { return /*@*/ship; }\n"
                         "function b() {\n  const ship = true;\n}\n",
                         "ship"),
            3u);
  EXPECT_EQ(AnswerAtMark("function a() { return { /*@*/ship }; }\n"
                         "function b() { var ship; }\n",
                         "ship"),
            2u);
}

// `let`, `const` and `class` reach their block only: a read after a `try`
// or an `if` whose block declared the name throws.
TEST(NameReachTest, BlockScopedDeclarationsEndWithTheirBlock) {
  EXPECT_EQ(AnswerAtMark("function a(c) {\n  try { const ship = c.s; } "
                         "catch (e) {}\n  return /*@*/ship;\n}\n",
                         "ship"),
            2u);
  EXPECT_EQ(AnswerAtMark("if (x) {\n  let ship = 1;\n}\n/*@*/ship;\n", "ship"),
            2u);
  EXPECT_EQ(AnswerAtMark("function a(xs) {\n  for (let ship of xs) {}\n"
                         "  return /*@*/ship;\n}\n",
                         "ship"),
            2u);
  EXPECT_EQ(AnswerAtMark("function a(xs) {\n  for (var ship of xs) {}\n"
                         "  return /*@*/ship;\n}\n",
                         "ship"),
            0u);
  EXPECT_EQ(AnswerAtMark("function a(c) { if (c) { const ship = 1;\n"
                         "  return /*@*/ship; } }\n",
                         "ship"),
            0u);
}

// A parameter of another function (or a catch or arrow parameter) may share
// its name with a global of the page: not taken for the file's own name.
TEST(NameReachTest, ParametersElsewhereDoNotMakeANameTheFiles) {
  EXPECT_EQ(AnswerAtMark("function a() { return /*@*/settings.total; }\n"
                         "function b(settings) {}\n"
                         "try {} catch (settings) {}\n"
                         "const f = settings => 1;\n",
                         "settings"),
            0u);
  EXPECT_EQ(AnswerAtMark("function a() { return /*@*/ship; }\n"
                         "type H = (ship: boolean) => void;\n"
                         "interface A { go(ship: boolean): void }\n",
                         "ship", Language::kTypeScript),
            0u);
}

TEST(NameReachTest, DeclarationsAroundTheReadOrNowhereAreNotFlagged) {
  // Declared nowhere in the file: a global of the page.
  EXPECT_EQ(AnswerAtMark("function a() { return /*@*/ship; }\n", "ship"), 0u);
  // A parameter, a hoisted var in a block, a top-level function.
  EXPECT_EQ(AnswerAtMark("function a(ship) { return /*@*/ship; }\n", "ship"),
            0u);
  EXPECT_EQ(AnswerAtMark("function a(c) { if (c) { var ship = 1; }\n"
                         "  return /*@*/ship; }\n",
                         "ship"),
            0u);
  EXPECT_EQ(AnswerAtMark("function a() { return /*@*/ship; }\n"
                         "function ship() {}\n",
                         "ship"),
            0u);
  // A for-of binding, a catch parameter, an arrow's single parameter.
  EXPECT_EQ(AnswerAtMark("function a(cs) { for (const c of cs) /*@*/c; }\n"
                         "function b(c) {}\n",
                         "c"),
            0u);
  EXPECT_EQ(
      AnswerAtMark("try {} catch (e) { /*@*/e; }\nfunction b(e) {}\n", "e"),
      0u);
  EXPECT_EQ(AnswerAtMark("const f = c => /*@*/c;\nfunction b(c) {}\n", "c"),
            0u);
}

TEST(NameReachTest, WordsThatDeclareNothingAreNotDeclarations) {
  // A comment among parameters, a default value, a property, a call.
  EXPECT_EQ(AnswerAtMark("function a() { return /*@*/ship; }\n"
                         "function b(/* ship */ x, y = ship) {\n"
                         "  o.ship = ship(1); }\n",
                         "ship"),
            0u);
  EXPECT_EQ(AnswerAtMark("function a() { return /*@*/ship; }\n"
                         "function b(x: number = ship) {}\n",
                         "ship", Language::kTypeScript),
            0u);
  EXPECT_EQ(AnswerAtMark("function a() { return /*@*/ship; }\n"
                         "function b(): void { const ship: boolean = true; }\n",
                         "ship", Language::kTypeScript),
            2u);
}

}  // namespace
}  // namespace psm
