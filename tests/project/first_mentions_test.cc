#include "project/first_mentions.h"

#include <gtest/gtest.h>

#include <string>

#include "project/top_level_scan.h"

namespace psm {
namespace {

// Whether the first mention of `name` in `text` declares it (the guess the
// project model makes without parsing).
bool Declares(const std::string& text, const std::string& name) {
  size_t at = text.find(name);
  while (at != std::string::npos &&
         ((at > 0 && IsIdentifierByte(text[at - 1])) ||
          (at + name.size() < text.size() &&
           IsIdentifierByte(text[at + name.size()]))))
    at = text.find(name, at + 1);
  EXPECT_NE(at, std::string::npos) << name;
  TopLevelScan scan(text);
  return DeclaredByFirstMention(text, at, name, scan);
}

TEST(FirstMentionsTest, ATopLevelDeclarationOfItsOwn) {
  EXPECT_TRUE(Declares("var payload = { type: 'konbini' };\n", "payload"));
  EXPECT_TRUE(Declares("// notes\nconst payload = build();\n", "payload"));
  EXPECT_TRUE(Declares("function payload() {\n  return {};\n}\n", "payload"));
  EXPECT_TRUE(Declares("var s = '{';\nvar payload = 1;\n", "payload"));
  EXPECT_TRUE(Declares("var r = /[}]/g;\nvar payload = 1;\n", "payload"));
  EXPECT_TRUE(
      Declares("var t = `a ${ {b: 1}.b } c`;\nlet payload = 2;\n", "payload"));
  EXPECT_TRUE(Declares("f(function () { return 1 / 2; });\nvar payload = 3;\n",
                       "payload"));
  // A division after `)` that no reading of a regular expression changes.
  EXPECT_TRUE(
      Declares("var half = (a + b) / 2;\nvar payload = 1;\n", "payload"));
  EXPECT_TRUE(Declares("var r = (a) / b / c;\nvar payload = 1;\n", "payload"));
  // Over several lines, to its `;` or to a line no next line continues.
  EXPECT_TRUE(Declares(
      "var payload = {\n  type: 'konbini',\n};\nuse(payload);\n", "payload"));
  EXPECT_TRUE(
      Declares("var payload = {\n  type: 'konbini'\n}\npayload.amount = 1\n",
               "payload"));
}

// Each of these let another script's object through (a silent wrong edit:
// the reader was skipped and the payload's fields removed).
TEST(FirstMentionsTest, NotWhenTheStatementGoesOnOrTheLineIsNotTopLevel) {
  // The namespace idiom over two lines reads the page's object first.
  EXPECT_FALSE(Declares("var payload =\n  payload || {};\n", "payload"));
  // A value over several lines that names it.
  EXPECT_FALSE(Declares("var payload = {\n  prev: payload,\n};\n", "payload"));
  EXPECT_FALSE(
      Declares("var payload = base\n  .concat(payload);\n", "payload"));
  // A statement the lexer cannot end.
  EXPECT_FALSE(Declares("var payload = {\n  a: 'x\n};\n", "payload"));
  // Inside a function, unindented: a local, not the global.
  EXPECT_FALSE(
      Declares("function track() {\nvar payload = 1;\n}\n", "payload"));
  // Inside a comment.
  EXPECT_FALSE(Declares("/* old code:\nvar payload = 1;\n*/\n", "payload"));
  // Inside a template's text.
  EXPECT_FALSE(Declares("var t = `\nvar payload = 1;\n`;\n", "payload"));
  // A regular expression after `return` holding a brace does not close the
  // function's body.
  EXPECT_FALSE(
      Declares("function f(s) {\n  if (s) { return /}/.test(s); }\nvar payload "
               "= 1;\n}\n",
               "payload"));
  // After `)`, a `/` may start a regular expression (`if (x) /}/...`).
  EXPECT_FALSE(Declares(
      "function f(m) {\n  if (m) /}/.test(m) || g();\nvar payload = 1;\n}\n",
      "payload"));
  // Named again on its line: reads another script's object.
  EXPECT_FALSE(Declares("var payload = payload || {};\n", "payload"));
}

TEST(FirstMentionsTest, TheScanAnswersPlacesInAnyOrder) {
  std::string text = "function f() {\n  x();\n}\nvar a = 1;\n";
  TopLevelScan scan(text);
  size_t inside = text.find("x();"), after = text.find("var a");
  EXPECT_TRUE(scan.AtTopLevel(after));
  EXPECT_FALSE(scan.AtTopLevel(inside));  // starts over
  EXPECT_TRUE(scan.AtTopLevel(after));
  EXPECT_TRUE(scan.AtTopLevel(0));
}

}  // namespace
}  // namespace psm
