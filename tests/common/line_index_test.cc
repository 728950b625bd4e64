// LineIndex (common/text_lines.h): lines and columns by byte offset.
#include <gtest/gtest.h>

#include <string>

#include "common/text_lines.h"

namespace psm {
namespace {

const std::string kText = "ab\r\n\u00e9t\u00e9 = 1;\n\nx\u20ac";

TEST(LineIndexTest, ColumnsCountCharactersFromTheLineStart) {
  LineIndex lines(kText);
  EXPECT_EQ(lines.Line(0), 1u);
  EXPECT_EQ(lines.Column(3), 4u);  // the '\n' after "ab\r"
  uint32_t e_acute = 4, t = 6;     // "é" is two bytes
  EXPECT_EQ(lines.Line(e_acute), 2u);
  EXPECT_EQ(lines.Column(e_acute), 1u);
  EXPECT_EQ(lines.Column(t), 2u);
  auto end = static_cast<uint32_t>(kText.size());
  EXPECT_EQ(lines.Line(end), 4u);
  EXPECT_EQ(lines.Column(end), 3u);  // after "x€"
}

// Every offset's line and column, against a scan from the start.
void ExpectAgreesWithAScan(const std::string& text) {
  LineIndex lines(text);
  uint32_t line = 1, column = 1;
  for (uint32_t offset = 0; offset <= text.size(); ++offset) {
    ASSERT_EQ(lines.Line(offset), line) << offset;
    ASSERT_EQ(lines.Column(offset), column) << offset;
    ASSERT_EQ(lines.LineStartOf(offset), lines.LineStartOffset(line));
    if (offset == text.size()) break;
    if (text[offset] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) {
      ++column;  // a byte that starts a character
    }
  }
}

TEST(LineIndexTest, LineAndColumnAgreeWithAScanFromTheStart) {
  ExpectAgreesWithAScan(kText);
}

TEST(LineIndexTest, ColumnsFarIntoLongLinesAgreeWithAScan) {
  // Lines longer than the index's checkpoints (a bundle is one line), with
  // characters of two and three bytes across checkpoint boundaries.
  std::string text;
  for (int k = 0; k < 3000; ++k) text += k % 7 ? "a\u00e9" : "\u20ac;";
  text += "\n" + text + "\nend";
  ExpectAgreesWithAScan(text);
}

}  // namespace
}  // namespace psm
