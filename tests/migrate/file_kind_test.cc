#include "migrate/file_kind.h"

#include <gtest/gtest.h>

#include <string>

namespace psm {
namespace {

// `lines` lines of hand-written, indented code.
std::string HandWritten(int lines) {
  std::string text;
  for (int i = 0; i < lines; ++i) {
    text += "  if (cart.items[" + std::to_string(i) + "]) { total += 1; }\n";
  }
  return text;
}

// One line of minified code of about `bytes` bytes.
std::string MinifiedLine(size_t bytes) {
  std::string line = "!function(){\"use strict\";";
  for (int i = 0; line.size() < bytes; ++i) {
    line += "function f" + std::to_string(i) +
            "(a,b){return a&&a.items?a.items.map(function(c){return c}):b};";
  }
  return line + "}();";
}

std::string Base64Line(size_t bytes) {
  std::string line = "const logo = \"data:image/png;base64,";
  const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; line.size() < bytes; ++i)
    line += alphabet[(i * 7) % alphabet.size()];
  return line + "\";";
}

TEST(FileKindTest, HandWrittenFileWithALongBase64LineIsNotGenerated) {
  std::string text = HandWritten(20) + Base64Line(20000) + "\n" +
                     Base64Line(30000) + "\n" + HandWritten(20);
  EXPECT_EQ(GeneratedCodeReason("checkout.js", text), std::nullopt);
}

TEST(FileKindTest, LongLinesOfDataDoNotCount) {
  std::string row = "[";
  while (row.size() < 2000) row += "{\"sku\": \"A-1\", \"qty\": 2}, ";
  std::string text = "const rows = [\n";
  for (int i = 0; i < 5; ++i) text += row + "],\n";
  EXPECT_EQ(GeneratedCodeReason("rows.js", text + "];\n"), std::nullopt);
}

TEST(FileKindTest, OneHugeLineOfCodeIsMinified) {
  std::string text = "/*! lib */\n" + MinifiedLine(25000) + "\n";
  auto reason = GeneratedCodeReason("checkout.js", text);
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("1 long line of dense code"), std::string::npos)
      << *reason;
}

TEST(FileKindTest, ThreeLongLinesOfCodeAreMinified) {
  std::string text = HandWritten(200);
  for (int i = 0; i < 3; ++i) text += MinifiedLine(1200) + "\n";
  EXPECT_TRUE(GeneratedCodeReason("a.js", text).has_value());
}

TEST(FileKindTest, MostBytesOnALongLineOfCodeIsMinified) {
  std::string text = HandWritten(5) + MinifiedLine(3000) + "\n";
  EXPECT_TRUE(GeneratedCodeReason("a.js", text).has_value());
}

TEST(FileKindTest, OneLongLineOfCodeAmongHandWrittenCodeIsNot) {
  std::string text = HandWritten(100) + MinifiedLine(1500) + "\n";
  EXPECT_EQ(GeneratedCodeReason("a.js", text), std::nullopt);
}

TEST(FileKindTest, NamesAndBundlersStillDecide) {
  EXPECT_TRUE(GeneratedCodeReason("a.min.js", "x").has_value());
  EXPECT_TRUE(
      GeneratedCodeReason("a.js", "__webpack_require__(1);\n").has_value());
}

TEST(FileKindTest, IgnoreMarkerCountsInAnHtmlComment) {
  std::string text =
      "<!-- payment-session-migrate-ignore-next-line -->\n"
      "<textarea>dr.createSource({})</textarea>\n";
  EXPECT_TRUE(IgnoredByComment(text, static_cast<uint32_t>(text.find("dr."))));
  EXPECT_FALSE(IgnoredByComment("payment-session-migrate-ignore\nx\n", 31));
}

}  // namespace
}  // namespace psm
