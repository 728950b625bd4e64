#include "find/parameter_receiver.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// ComesFromParameter for the receiver of the `createSource` call of
// `source` (its last one).
bool FromParameter(const std::string& source,
                   Language language = Language::kJavaScript) {
  Parser parser;
  Tree tree = parser.Parse(language, source);
  size_t at = source.rfind(".createSource(");
  EXPECT_NE(at, std::string::npos);
  TSNode dot = ts_node_descendant_for_byte_range(
      tree.Root(), static_cast<uint32_t>(at + 1),
      static_cast<uint32_t>(at + 13));
  TSNode member = node::Parent(dot);
  return ComesFromParameter(node::Field(member, "object"), source);
}

TEST(ParameterReceiverTest, SpellingsOfAParametersMember) {
  EXPECT_TRUE(FromParameter("function f(d) { d.createSource(p); }"));
  EXPECT_TRUE(FromParameter("function f(d) { d['c'].createSource(p); }"));
  EXPECT_TRUE(FromParameter("function f(d) { d.get('c').createSource(p); }"));
  EXPECT_TRUE(FromParameter(
      "function f(d) { (d.c ? d.c : window.dr).createSource(p); }"));
  EXPECT_TRUE(
      FromParameter("function f(d) { let c; c = d.c; c.createSource(p); }"));
  EXPECT_FALSE(FromParameter(
      "const dr = new DigitalRiver('k');\nfunction f() { dr.createSource(p); }"));
  EXPECT_FALSE(FromParameter("function f() { window.dr.createSource(p); }"));
}

TEST(ParameterReceiverTest, FieldsOfThisSetFromAParameter) {
  EXPECT_TRUE(FromParameter(
      "class A { constructor(c) { this.c = c; }\n"
      "  pay() { const { c } = this; c.createSource(p); } }"));
  EXPECT_TRUE(FromParameter(
      "function A(c) { var self = this; self.c = c;\n"
      "  this.pay = function () { self.c.createSource(p); }; }"));
  EXPECT_TRUE(FromParameter(
      "class A { constructor(private c: any) {}\n"
      "  pay() { this.c.createSource(p); } }",
      Language::kTypeScript));
  // Another class's field of that name does not count.
  EXPECT_FALSE(FromParameter(
      "class L { constructor(c) { this.c = c; } }\n"
      "class A { constructor() { this.c = window.dr; }\n"
      "  pay() { this.c.createSource(p); } }"));
  // `this.props` of a class that extends nothing is the class's own.
  EXPECT_FALSE(FromParameter(
      "class A { constructor() { this.props = { dr: window.dr }; }\n"
      "  pay() { this.props.dr.createSource(p); } }"));
  EXPECT_TRUE(FromParameter(
      "class A extends Component {\n"
      "  pay() { this.props.dr.createSource(p); } }"));
}

// Assignments that read the variable or field they set are followed once
// each: followed every time, 40 of them took 80^8 steps.
TEST(ParameterReceiverTest, SelfReferringAssignmentsAreFollowedOnce) {
  std::string source = "class A { m() {\n";
  for (int i = 0; i < 40; ++i)
    source += "  this.c = this.c || window.o" + std::to_string(i) + ";\n";
  source += "}\n pay() { this.c.createSource(p); } }\nfunction f() {\n";
  source += "  let c = window.x;\n";
  for (int i = 0; i < 40; ++i) source += "  c = c || c;\n";
  source += "  c.createSource(p);\n}\n";
  EXPECT_FALSE(FromParameter(source));
}

}  // namespace
}  // namespace psm
