#include "find/empty_values.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/language.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// MayBeEmpty of the expression that follows the mark `/*@*/`.
bool MayBeEmptyAtMark(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kTypeScript, source);
  size_t mark = source.find("/*@*/");
  EXPECT_NE(mark, std::string::npos);
  auto at = static_cast<uint32_t>(mark + 5);
  TSNode n = ts_node_named_descendant_for_byte_range(tree.Root(), at, at);
  // The largest expression starting at the mark.
  for (TSNode up = ts_node_parent(n);
       !ts_node_is_null(up) && ts_node_start_byte(up) == at &&
       std::string_view(ts_node_type(up)) != "expression_statement";
       up = ts_node_parent(up))
    n = up;
  return MayBeEmpty(n, source);
}

TEST(EmptyValuesTest, ShapesEmptyOnSomePaths) {
  EXPECT_TRUE(MayBeEmptyAtMark("f(/*@*/c ? id : undefined);"));
  EXPECT_TRUE(MayBeEmptyAtMark("f(/*@*/id || null);"));
  EXPECT_TRUE(MayBeEmptyAtMark("f(/*@*/s && s.id);"));
  EXPECT_TRUE(MayBeEmptyAtMark("f(/*@*/cart?.session?.id);"));
  EXPECT_TRUE(MayBeEmptyAtMark("f(/*@*/c ? id : false);"));
  EXPECT_FALSE(MayBeEmptyAtMark("f(/*@*/cart.payment.session.id);"));
  EXPECT_FALSE(MayBeEmptyAtMark("f(/*@*/c ? a.id : b.id);"));
}

TEST(EmptyValuesTest, VariablesAreFollowedToWhereTheyAreSet) {
  EXPECT_TRUE(MayBeEmptyAtMark(
      "function p(c, x) { let sid; if (c) sid = x; f(/*@*/sid); }"));
  EXPECT_TRUE(MayBeEmptyAtMark(
      "function p(c, x) { const a = c ? x : null; const b = a; f(/*@*/b!); }"));
  EXPECT_TRUE(MayBeEmptyAtMark(
      "function p(c, sid) { if (!c) sid = undefined; f(/*@*/sid); }"));
  EXPECT_TRUE(MayBeEmptyAtMark("function p({ sid = null }) { f(/*@*/sid); }"));
  EXPECT_FALSE(MayBeEmptyAtMark("function p(sid) { f(/*@*/sid); }"));
  EXPECT_FALSE(MayBeEmptyAtMark(
      "function p(c, x, y) { let sid; if (c) { sid = x; } else { sid = y; } "
      "f(/*@*/sid); }"));
  EXPECT_FALSE(MayBeEmptyAtMark(
      "async function p(api) { let sid = null; sid = await api.s(); "
      "f(/*@*/sid); }"));
}

TEST(EmptyValuesTest, AGuardAfterTheLastWriteMakesItPresent) {
  EXPECT_FALSE(MayBeEmptyAtMark(
      "function p(s) { const sid = s && s.id; if (!sid) return; "
      "f(/*@*/sid); }"));
  EXPECT_FALSE(MayBeEmptyAtMark(
      "function p(s) { const sid = s && s.id; "
      "if (typeof sid !== 'string') throw new Error(); f(/*@*/sid); }"));
  EXPECT_FALSE(MayBeEmptyAtMark(
      "function p(s) { const sid = s && s.id; if (sid) { f(/*@*/sid); } }"));
  // A guard before an emptying write does not count.
  EXPECT_TRUE(MayBeEmptyAtMark(
      "function p(s, c) { let sid = s.id; if (!sid) return; "
      "if (c) sid = null; f(/*@*/sid); }"));
}

TEST(EmptyValuesTest, HelpersOfTheFileAreReadForTheirReturns) {
  EXPECT_TRUE(MayBeEmptyAtMark(
      "function g(c) { if (c.s) return c.s.id; }\nf(/*@*/g(cart));"));
  EXPECT_TRUE(MayBeEmptyAtMark(
      "function g(c) { if (!c.s) return; return c.s.id; }\nf(/*@*/g(cart));"));
  EXPECT_TRUE(MayBeEmptyAtMark(
      "class A { g() { return this.c ? this.c.id : null; }\n"
      "  p() { f(/*@*/this.g()); } }"));
  EXPECT_FALSE(MayBeEmptyAtMark(
      "function g(c) { if (!c.s) throw new Error(); return c.s.id; }\n"
      "f(/*@*/g(cart));"));
  EXPECT_FALSE(MayBeEmptyAtMark(
      "const g = (c) => c.s.id;\nf(/*@*/g(cart));"));
}

// Generated code: nesting that would overflow a worker's stack, and
// chains of names that each name another, answer at once.
TEST(EmptyValuesTest, DeepOrTangledCodeAnswersCautiouslyAndFast) {
  std::string ternary = "const sid =\n";
  for (int i = 0; i < 20000; ++i)
    ternary += "  c === " + std::to_string(i) + " ? 's" + std::to_string(i) +
               "' :\n";
  ternary += "  's';\nf(/*@*/sid);\n";
  EXPECT_TRUE(MayBeEmptyAtMark(ternary));

  std::string chain = "function p(cart) {\n  let v0; v0 = cart.id;\n";
  for (int i = 1; i <= 40; ++i)
    chain += "  let v" + std::to_string(i) + "; v" + std::to_string(i) +
             " = v" + std::to_string(i - 1) + ";\n";
  chain += "  f(/*@*/v40);\n}\n";
  // Followed four names deep, then taken as set; an exponential walk (each
  // name asked again through every statement between) would not end here.
  EXPECT_FALSE(MayBeEmptyAtMark(chain));
}

}  // namespace
}  // namespace psm
