// syntax/expression_probe.h and syntax/value_context.h: a session
// expression is read once into what to insert and what it needs, and the
// place a payload sits in decides whether it may go there.
#include "syntax/expression_probe.h"

#include <gtest/gtest.h>

#include "syntax/tree.h"
#include "syntax/value_context.h"

namespace psm {
namespace {

std::string Inserted(const std::string& expression,
                     Language language = Language::kTypeScript) {
  std::optional<ValueExpression> read =
      ReadValueExpression(expression, language);
  return read ? read->text : "<not an expression>";
}

ExpressionNeeds NeedsOf(const std::string& expression) {
  return ReadValueExpression(expression, Language::kTypeScript)->needs;
}

TEST(ReadValueExpressionTest, ASequenceIsParenthesisedToStayOneValue) {
  // `sessionId: a, b,` would add a shorthand property `b`.
  EXPECT_EQ(Inserted("a, b"), "(a, b)");
  EXPECT_EQ(Inserted("x => x, y"), "(x => x, y)");
  EXPECT_EQ(Inserted("a /* first */, b"), "(a /* first */, b)");
}

TEST(ReadValueExpressionTest, OtherExpressionsAreInsertedAsGiven) {
  EXPECT_EQ(Inserted("checkout.payment.session.id"),
            "checkout.payment.session.id");
  EXPECT_EQ(Inserted("(a, b)"), "(a, b)");
  EXPECT_EQ(Inserted("x => (x, y)"), "x => (x, y)");
  EXPECT_EQ(Inserted("f(a, b)"), "f(a, b)");
  EXPECT_EQ(Inserted(""), "");
}

TEST(ReadValueExpressionTest, WhatIsNotOneExpressionIsRefused) {
  EXPECT_EQ(Inserted("checkout..id"), "<not an expression>");
  EXPECT_EQ(Inserted("a: string"), "<not an expression>");
  // PHP has no comma operator: `'sessionId' => $a, $b` cannot come from a
  // valid --php-session-id.
  EXPECT_EQ(Inserted("$a, $b", Language::kPhp), "<not an expression>");
  EXPECT_EQ(Inserted("$session['id']", Language::kPhp), "$session['id']");
}

// The code after an inserted value follows on the same line: a comment
// running to the end of the expression would swallow it, and every site
// failed later with "the rewrite would introduce a syntax error".
TEST(ReadValueExpressionTest, ACommentThatWouldSwallowTheRestIsRefused) {
  EXPECT_EQ(Inserted("x // c"), "<not an expression>");
  EXPECT_EQ(Inserted("x /* c"), "<not an expression>");
  EXPECT_EQ(Inserted("$x // c", Language::kPhp), "<not an expression>");
  EXPECT_EQ(Inserted("$x # c", Language::kPhp), "<not an expression>");
  // A comment that ends before the expression does is harmless.
  EXPECT_EQ(Inserted("x /* c */"), "x /* c */");
  EXPECT_EQ(Inserted("a // c\n  + b"), "a // c\n  + b");
}

TEST(ExpressionRefusalTest, SaysWhyAndQuotesTheExpression) {
  EXPECT_EQ(ExpressionRefusal("x)", Language::kTypeScript),
            "not a JavaScript expression: x)");
  EXPECT_EQ(ExpressionRefusal("$x)", Language::kPhp),
            "not a PHP expression: $x)");
  EXPECT_EQ(ExpressionRefusal("x // c", Language::kTypeScript),
            "a comment at the end would swallow the code written after the "
            "JavaScript expression on its line (drop the comment): x // c");
}

TEST(ReadValueExpressionTest, NotesAwaitAndYieldOutsideItsOwnFunctions) {
  EXPECT_TRUE(NeedsOf("await getSid()").await);
  EXPECT_TRUE(NeedsOf("(await session).id").await);
  EXPECT_TRUE(NeedsOf("yield sid").yield);
  EXPECT_FALSE(NeedsOf("yield sid").await);
  EXPECT_FALSE(NeedsOf("checkout.sid").any());
  EXPECT_FALSE(NeedsOf("async () => await getSid()").any());
  EXPECT_FALSE(NeedsOf("(async function () { return await f(); })()").any());
  EXPECT_FALSE(NeedsOf("{ async id() { return await f(); } }").any());
}

// A dotted name is read without a parse (ReadDottedName): it must give
// what the parse gives, and leave to the parse what is not a plain name.
TEST(ReadValueExpressionTest, DottedNamesReadAsTheParseReadsThem) {
  using Names = std::vector<std::string>;
  EXPECT_EQ(NeedsOf("checkout.payment.session.id").names, Names{"checkout"});
  EXPECT_EQ(NeedsOf("sid").names, Names{"sid"});
  EXPECT_EQ(NeedsOf("$store._sid2").names, Names{"$store"});
  EXPECT_EQ(NeedsOf("a.default.new").names, Names{"a"});  // property names
  EXPECT_TRUE(NeedsOf("this.session.id").reads_this);
  EXPECT_TRUE(NeedsOf("this.session.id").names.empty());
  // Literals and keywords are no names: parsed, they read none.
  EXPECT_TRUE(NeedsOf("undefined").names.empty());
  EXPECT_TRUE(NeedsOf("null").names.empty());
  EXPECT_TRUE(NeedsOf("super.sid").names.empty());
  EXPECT_TRUE(NeedsOf("new.target").names.empty());
  EXPECT_TRUE(NeedsOf("import.meta.env.SID").names.empty());
  EXPECT_EQ(Inserted("a..b"), "<not an expression>");
  EXPECT_EQ(Inserted("a."), "<not an expression>");
  EXPECT_EQ(Inserted(".a"), "<not an expression>");
  EXPECT_EQ(Inserted("1a.b"), "<not an expression>");
  EXPECT_EQ(Inserted("a . b"), "a . b");  // spaced: parsed, and fine
  EXPECT_EQ(NeedsOf("a . b").names, Names{"a"});
}

// Where the `{` after `sessionId` marker `@` stands in `code`, and what is
// disallowed there for `expression`.
std::string DisallowedAt(std::string code, const std::string& expression) {
  size_t at = code.find('@');
  code.erase(at, 1);
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, code);
  return std::string(
      Disallowed(tree.Root(), static_cast<uint32_t>(at), NeedsOf(expression)));
}

TEST(DisallowedTest, AwaitOnlyInAnAsyncFunctionOrAModuleTopLevel) {
  const std::string kAwait = "await getSid()";
  EXPECT_EQ(DisallowedAt("function f() { g(@{}); }", kAwait), "await");
  EXPECT_EQ(DisallowedAt("async function f() { g(@{}); }", kAwait), "");
  EXPECT_EQ(DisallowedAt("const f = async () => g(@{});", kAwait), "");
  EXPECT_EQ(DisallowedAt("async function f() { [1].map(() => @{}); }", kAwait),
            "await");
  EXPECT_EQ(DisallowedAt("class A { async m() { g(@{}); } }", kAwait), "");
  EXPECT_EQ(DisallowedAt("class A { m() { g(@{}); } }", kAwait), "await");
  EXPECT_EQ(DisallowedAt("class A { p = @{}; }", kAwait), "await");
  EXPECT_EQ(DisallowedAt("async function f(p = @{}) {}", kAwait), "await");
  EXPECT_EQ(DisallowedAt("g(@{});", kAwait), "await");
  EXPECT_EQ(DisallowedAt("import x from 'x';\ng(@{});", kAwait), "");
  EXPECT_EQ(DisallowedAt("g(@{});\nexport {};", kAwait), "");
}

TEST(DisallowedTest, YieldOnlyInAGenerator) {
  const std::string kYield = "yield sid";
  EXPECT_EQ(DisallowedAt("function* f() { g(@{}); }", kYield), "");
  EXPECT_EQ(DisallowedAt("const f = function* () { g(@{}); };", kYield), "");
  EXPECT_EQ(DisallowedAt("class A { *m() { g(@{}); } }", kYield), "");
  EXPECT_EQ(DisallowedAt("async function f() { g(@{}); }", kYield), "yield");
  EXPECT_EQ(DisallowedAt("import x from 'x';\ng(@{});", kYield), "yield");
}

TEST(DisallowedTest, AnExpressionWithoutEitherGoesAnywhere) {
  EXPECT_EQ(DisallowedAt("function f() { g(@{}); }", "checkout.sid"), "");
}

}  // namespace
}  // namespace psm
