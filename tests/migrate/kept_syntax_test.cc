// The safety net's fast path (migrate/kept_syntax.h): edits it proves must
// parse without error, and whatever it cannot prove is left to the parse.
#include "migrate/kept_syntax.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/tree.h"

namespace psm {
namespace {

// Whether the proof holds for `edits` on `text`; when it does, the edited
// text must also parse without error (the proof is never wrong).
bool Proven(const std::string& text, const std::vector<Edit>& edits) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, text);
  EditSet set;
  for (const Edit& e : edits) EXPECT_FALSE(set.Add(e).has_value());
  bool proven = EditsKeepSyntax(tree.Root(), text, set);
  if (proven) {
    std::string after = ApplyEdits(text, set);
    Tree again = parser.Parse(Language::kJavaScript, after);
    EXPECT_EQ(CountSyntaxErrors(again.Root()), 0) << after;
  }
  return proven;
}

// Offsets of `needle` in `text`.
ByteRange At(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

const std::string kCall =
    "f({type: \"payPal\", amount: 1, payPal: {items: [], a: 1}});\n";

TEST(KeptSyntaxTest, RemovingWholeMembersWithTheirCommaIsProven) {
  EXPECT_TRUE(Proven(kCall, {{At(kCall, "amount: 1, "), ""}}));
  EXPECT_TRUE(Proven(kCall, {{At(kCall, ", a: 1"), ""}}));
  EXPECT_TRUE(Proven(kCall, {{At(kCall, "items: [], a: 1"), ""}}));
}

TEST(KeptSyntaxTest, InsertingAMemberAfterTypeIsProven) {
  uint32_t after_type = At(kCall, "type: \"payPal\"").end;
  EXPECT_TRUE(Proven(
      kCall, {{{after_type, after_type}, ", sessionId: \"TODO(x): y\""}}));
  EXPECT_TRUE(Proven(kCall, {{{after_type, after_type},
                              ", sessionId: checkout.payment.session.id"}}));
}

TEST(KeptSyntaxTest, EditsThatCouldBreakTheSyntaxAreNotProven) {
  uint32_t after_type = At(kCall, "type: \"payPal\"").end;
  // Part of a member, a comma left doubled, a member without its comma.
  EXPECT_FALSE(Proven(kCall, {{At(kCall, "amount: "), ""}}));
  EXPECT_FALSE(Proven(kCall, {{At(kCall, "amount: 1"), ""}}));
  EXPECT_FALSE(Proven(kCall, {{At(kCall, ", amount: 1,"), ""}}));
  // Values that are not a plain string or a dotted name.
  for (const char* value : {"session.id)(", "s()", "a b", "'it\\'s'",
                            "new.target", "`${x}`", "a.", "1"}) {
    EXPECT_FALSE(Proven(kCall, {{{after_type, after_type},
                                 std::string(", sessionId: ") + value}}))
        << value;
  }
  // A key that is a keyword, a key that is not a name or a string.
  EXPECT_FALSE(Proven(kCall, {{{after_type, after_type}, ", if: x"}}));
  EXPECT_FALSE(Proven(kCall, {{{after_type, after_type}, ", [k]: x"}}));
  // No comma before the new member.
  EXPECT_FALSE(Proven(kCall, {{{after_type, after_type}, " sessionId: x"}}));
  // An edit outside an object literal.
  EXPECT_FALSE(Proven(kCall, {{At(kCall, "f("), "g("}}));
}

TEST(KeptSyntaxTest, ALineCommentKeepsItsLineBreak) {
  std::string text = "f({a: 1, // note\n  b: 2});\n";
  EXPECT_FALSE(Proven(text, {{At(text, "\n  b: 2"), ""}}));
  EXPECT_TRUE(Proven(text, {{At(text, "b: 2"), ""}}));
}

TEST(KeptSyntaxTest, AnEditNeverCutsACharacterInTwo) {
  std::string text = "f({a: 1,\u00a0b: 2});\n";  // a no-break space
  uint32_t inside = At(text, "\u00a0").begin + 1;
  EXPECT_FALSE(Proven(text, {{{inside, At(text, "b: 2").end}, ""}}));
  EXPECT_TRUE(Proven(text, {{At(text, "\u00a0b: 2"), ""}}));
}

TEST(KeptSyntaxTest, AFileWithSyntaxErrorsIsNeverProven) {
  std::string text = "f({a: 1, b: 2});\nif (\n";
  EXPECT_FALSE(Proven(text, {{At(text, "b: 2"), ""}}));
}

}  // namespace
}  // namespace psm
