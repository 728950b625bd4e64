#include "find/class_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "find/site_finder.h"
#include "syntax/language.h"
#include "syntax/node.h"
#include "syntax/tree.h"

namespace psm {
namespace {

// What each createSource call of `source` gets: its one literal's text,
// "?" with the first blind spot, or "+observed" appended when something
// else sees the payload.
std::vector<std::string> Payloads(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  std::vector<std::string> payloads;
  for (const CallSite& site : FindCallSites(source, tree.Root())) {
    std::string got =
        site.payloads.size() == 1 && site.blind_spots.empty()
            ? std::string(site.payloads[0].object.range.In(source))
            : "?" + (site.blind_spots.empty() ? "" : site.blind_spots[0]);
    if (!site.observers.empty()) got += "+observed";
    payloads.push_back(got);
  }
  return payloads;
}

// The string `this.type` at the first `this.type` read in a return.
std::string TypeString(const std::string& source) {
  Parser parser;
  Tree tree = parser.Parse(Language::kJavaScript, source);
  size_t at = source.find("type: this.type") + 6;
  TSNode use = ts_node_descendant_for_byte_range(
      tree.Root(), static_cast<uint32_t>(at), static_cast<uint32_t>(at + 9));
  std::string value;
  if (!TraceFieldToString(use, source, &value)) return "?";
  return value;
}

using Names = std::vector<std::string>;

constexpr char kPayloadField[] =
    "class R {\n"
    "  constructor(c) { this.payload = {type: 'payPal', amount: c.t}; }\n"
    "  build() { return this.payload; }\n"
    "  pay() { return dr.createSource(this.build()); }\n"
    "}\n";

TEST(ClassFieldsTest, PayloadSetOnceInTheConstructorIsFollowed) {
  EXPECT_EQ(Payloads(kPayloadField), Names{"{type: 'payPal', amount: c.t}"});
}

TEST(ClassFieldsTest, OtherUsesOfThePayloadFieldObserveIt) {
  std::string source = kPayloadField;
  source.insert(source.find("  build()"), "  log() { send(this.payload); }\n");
  EXPECT_EQ(Payloads(source), Names{"{type: 'payPal', amount: c.t}+observed"});
  // An instance's field read from outside the class.
  EXPECT_EQ(Payloads(std::string(kPayloadField) + "use(r.payload);\n"),
            Names{"{type: 'payPal', amount: c.t}+observed"});
  // `this` handed on whole.
  source = kPayloadField;
  source.insert(source.find("  build()"), "  reg() { registry.add(this); }\n");
  EXPECT_EQ(Payloads(source), Names{"{type: 'payPal', amount: c.t}+observed"});
}

TEST(ClassFieldsTest, APayloadFieldWrittenTwiceIsNotFollowed) {
  std::string source = kPayloadField;
  source.insert(source.find("  build()"),
                "  reset() { this.payload = {type: 'konbini'}; }\n");
  std::vector<std::string> got = Payloads(source);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("sets at line 2, line 3, not once in the constructor"),
            std::string::npos)
      << got[0];
}

TEST(ClassFieldsTest,
     APayloadFieldSetFromAConstructorParameterIsBuiltElsewhere) {
  std::vector<std::string> got = Payloads(
      "class R {\n"
      "  constructor(data) { this.payload = data; }\n"
      "  pay() { return dr.createSource(this.payload); }\n"
      "}\n");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("set from the constructor's parameter `data` (line "
                        "2): built elsewhere"),
            std::string::npos)
      << got[0];
}

TEST(ClassFieldsTest, TypeSetOnceToAStringIsKnown) {
  EXPECT_EQ(TypeString("class R { constructor() { this.type = 'konbini'; }\n"
                       "  build() { return {type: this.type}; } }"),
            "konbini");
  // Set again by a method, or set to something else: unknown.
  EXPECT_EQ(TypeString("class R { constructor() { this.type = 'konbini'; }\n"
                       "  alt() { this.type = 'payPal'; }\n"
                       "  build() { return {type: this.type}; } }"),
            "?");
  EXPECT_EQ(TypeString("class R { constructor(t) { this.type = t; }\n"
                       "  build() { return {type: this.type}; } }"),
            "?");
  // Set in a branch of the constructor, or by another object's write.
  EXPECT_EQ(TypeString("class R { constructor(a) { if (a) this.type = 'x'; }\n"
                       "  build() { return {type: this.type}; } }"),
            "?");
  EXPECT_EQ(TypeString("class R { constructor() { this.type = 'konbini'; }\n"
                       "  build() { return {type: this.type}; } }\n"
                       "r.type = 'payPal';"),
            "?");
}

TEST(ClassFieldsTest, AnUnprovenTypeFieldMakesTheSiteNeedReview) {
  std::vector<std::string> got = Payloads(
      "class R { constructor() { this.type = 'alipay'; }\n"
      "  wechat() { this.type = 'wechatpay'; }\n"
      "  build() { return {type: this.type, amount: 1}; }\n"
      "  pay() { return dr.createSource(this.build()); } }\n");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("the payment type is `this.type` (line 3)"),
            std::string::npos)
      << got[0];
}

TEST(ClassFieldsTest, SuperCallsNameTheBaseClassAndItsModule) {
  std::vector<std::string> got = Payloads(
      "import {Base} from './base.js';\n"
      "class R extends Base {\n"
      "  build() { const p = super.build(); p.type = 'payPal';"
      " return p; }\n"
      "  pay() { return dr.createSource(this.build()); } }\n");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("the method of its base class `Base`, imported from "
                        "`./base.js`"),
            std::string::npos)
      << got[0];
}

}  // namespace
}  // namespace psm
