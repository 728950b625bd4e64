// The safety net's fast path (migrate/kept_syntax.h): edits it proves must
// parse without error, and whatever it cannot prove is left to the parse.
#include "migrate/kept_syntax.h"

#include <gtest/gtest.h>

#include <string>

#include "edit/object_shape.h"
#include "find/object_builder.h"
#include "find/scope.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// Every object literal of `tree`, kept as the planner keeps those it edits.
ObjectShapes ShapesOf(const Tree& tree, const std::string& text) {
  ObjectShapes shapes;
  ForEachDescendant(tree.Root(), true, [&](TSNode n) {
    if (node::Is(n, "object")) shapes.Add(BuildObjectLiteral(n, text, 0));
  });
  shapes.Seal();
  return shapes;
}

// The proof from the tree and from the objects' shapes, for `edits` on
// `text`; when either holds, the edited text must also parse without error
// (the proof is never wrong).
struct Proofs {
  bool tree = false;
  bool shapes = false;
};

Proofs Prove(const std::string& text, const std::vector<Edit>& edits,
             Language language = Language::kJavaScript) {
  Parser parser;
  Tree tree = parser.Parse(language, text);
  EditSet set;
  for (const Edit& e : edits) EXPECT_FALSE(set.Add(e).has_value());
  Proofs proofs;
  proofs.tree = EditsKeepSyntax(tree.Root(), text, set);
  // As the safety net asks: only of a tree without syntax errors.
  proofs.shapes = CountSyntaxErrors(tree.Root()) == 0 &&
                  EditsKeepSyntax(ShapesOf(tree, text), text, set);
  if (proofs.tree || proofs.shapes) {
    std::string after = ApplyEdits(text, set);
    Tree again = parser.Parse(language, after);
    EXPECT_EQ(CountSyntaxErrors(again.Root()), 0) << after;
  }
  return proofs;
}

// The tree's proof; the shapes' must agree with it.
bool Proven(const std::string& text, const std::vector<Edit>& edits) {
  Proofs proofs = Prove(text, edits);
  EXPECT_EQ(proofs.shapes, proofs.tree) << text;
  return proofs.tree;
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
  EXPECT_FALSE(Prove(text, {{{inside, At(text, "b: 2").end}, ""}}).tree);
  Proofs whole = Prove(text, {{At(text, "\u00a0b: 2"), ""}});
  EXPECT_TRUE(whole.tree);
  // The shapes know ASCII blanks only: the tree proves it instead.
  EXPECT_FALSE(whole.shapes);
}

TEST(KeptSyntaxTest, NestedObjectsAndCommentsAreProvenFromTheirShapes) {
  std::string text =
      "f({type: 'payPal', /* total */ amount: 1, // cents\n"
      "  payPal: {items: [{sku: 1}], a: 1}, ...rest});\n";
  uint32_t after_type = At(text, "type: 'payPal'").end;
  Proofs proofs = Prove(text, {{{after_type, after_type}, ", sessionId: s.id"},
                               {At(text, "/* total */ amount: 1, "), ""},
                               {At(text, "items: [{sku: 1}], "), ""}});
  EXPECT_TRUE(proofs.shapes);
  EXPECT_TRUE(proofs.tree);
  // An edit inside the array's object, between the shape's children.
  EXPECT_TRUE(Prove(text, {{At(text, "sku: 1"), ""}}).shapes);
  // Taking the line comment's line break: not proven either way.
  Proofs cut =
      Prove(text, {{At(text, "\n  payPal: {items: [{sku: 1}], a: 1}, "), ""}});
  EXPECT_FALSE(cut.shapes);
  EXPECT_FALSE(cut.tree);
}

TEST(KeptSyntaxTest, ShapesOfAnotherTextProveNothing) {
  Parser parser;
  std::string text = "f({a: 1, b: 2});\n";
  Tree tree = parser.Parse(Language::kJavaScript, text);
  ObjectShapes shapes = ShapesOf(tree, text);
  EditSet set;
  ASSERT_FALSE(set.Add({At(text, "a: 1, "), ""}).has_value());
  EXPECT_TRUE(EditsKeepSyntax(shapes, text, set));
  // The same offsets in texts the shapes were not made from.
  for (std::string other :
       {"f({a: 1; b: 2});\n", "f({a: 1 /b: 2});\n", "f({a: 1, b: 2)\n",
        "f({a: 1/*b: 2});\n", "f({a: 1//b: 2});\n"}) {
    EXPECT_FALSE(EditsKeepSyntax(shapes, other, set)) << other;
  }
  // An edit outside every object the shapes know.
  EditSet outside;
  ASSERT_FALSE(outside.Add({At(text, "f("), "g("}).has_value());
  EXPECT_FALSE(EditsKeepSyntax(shapes, text, outside));
}

TEST(KeptSyntaxTest, ObjectsWithUnknownChildrenHaveNoShape) {
  Parser parser;
  auto first_object = [&](const std::string& text, Tree* tree) {
    *tree = parser.Parse(Language::kJavaScript, text);
    TSNode found{};
    ForEachDescendant(tree->Root(), true, [&](TSNode n) {
      if (ts_node_is_null(found) && node::Is(n, "object")) found = n;
    });
    EXPECT_FALSE(ts_node_is_null(found)) << text;
    return BuildObjectLiteral(found, text, 0);
  };
  Tree tree;
  std::string plain = "f({a: 1, /* x */ b: 2, // y\n});\n";
  EXPECT_TRUE(first_object(plain, &tree).plain);
  std::string broken = "f({a: 1 b: 2});\n";
  EXPECT_FALSE(first_object(broken, &tree).plain);
  {
    EditSet set;
    ASSERT_FALSE(set.Add({At(broken, "a: 1"), ""}).has_value());
    EXPECT_FALSE(EditsKeepSyntax(ShapesOf(tree, broken), broken, set));
  }
  // Between members only blanks, commas and `/*` or `//` comments are read:
  // an HTML-like comment (whether `<!--` opens one depends on what stands
  // before it) or a `//` comment ended by U+2028 proves nothing (the tree
  // may still prove it).
  for (std::string text : {std::string("f({a: 1, <!-- b\n c: 2});\n"),
                           std::string("f({a: 1, // b\u2028 c: 2\n});\n")}) {
    EXPECT_FALSE(Prove(text, {{At(text, "a: 1, "), ""}}).shapes) << text;
  }
}

// Random removals and insertions in objects of many forms: whatever the
// shapes prove parses (checked in Prove), and they prove what the tree
// proves.
TEST(KeptSyntaxTest, ShapesAndTreeAgreeOnRandomEdits) {
  const std::vector<std::string> texts = {
      "f({a: 1, b: 'x', c: {d: [1, {e: 2}], f: g()}, ...h, i() {}, [j]: 3});\n",
      "f({\n  a: 1, // one\n  /* two */ b: 2,\n  c: {d: 3},\n});\n",
      "const p = {type: \"payPal\", amount, get x() { return 1; }, 'q-r': "
      "4};\n",
  };
  const std::vector<std::string> inserts = {"",  ",",       ", s: t", "s: 'u',",
                                            " ", ", if: x", "s: t"};
  uint32_t seed = 12345;
  auto next = [&](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  int proven = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string& text = texts[next(texts.size())];
    uint32_t a = next(text.size() + 1), b = next(text.size() + 1);
    if (a > b) std::swap(a, b);
    if (next(2) == 0) b = a;  // an insertion
    std::string insert = inserts[next(inserts.size())];
    if (a == b && insert.empty()) continue;
    Proofs proofs = Prove(text, {{{a, b}, insert}});
    EXPECT_EQ(proofs.shapes, proofs.tree)
        << text << " [" << a << ", " << b << ") <- '" << insert << "'";
    proven += proofs.shapes;
  }
  EXPECT_GT(proven, 50);  // the test exercises proofs that hold, too
}

TEST(KeptSyntaxTest, AFileWithSyntaxErrorsIsNeverProven) {
  std::string text = "f({a: 1, b: 2});\nif (\n";
  EXPECT_FALSE(Proven(text, {{At(text, "b: 2"), ""}}));
}

}  // namespace
}  // namespace psm
