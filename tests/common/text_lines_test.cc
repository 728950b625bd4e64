#include "common/text_lines.h"

#include <gtest/gtest.h>

#include <string_view>

namespace psm {
namespace {

// Advance must agree with Line and Column for every pair of offsets: a
// report's replacements are described with it.
TEST(LineIndexTest, AdvanceAgreesWithLineAndColumn) {
  // Two-byte and three-byte characters, CRLF and LF line ends, an empty
  // line, no final newline.
  std::string_view text = "a\xC3\xA9 b\r\n\n\xE2\x82\xAC x\ny";
  LineIndex lines(text);
  for (uint32_t from = 0; from <= text.size(); ++from) {
    LineIndex::Position at{lines.Line(from), lines.Column(from)};
    for (uint32_t to = from; to <= text.size(); ++to) {
      LineIndex::Position got = lines.Advance(at, from, to);
      EXPECT_EQ(got.line, lines.Line(to)) << from << "->" << to;
      EXPECT_EQ(got.column, lines.Column(to)) << from << "->" << to;
    }
  }
}

TEST(LineIndexTest, AdvanceCountsCharactersNotBytes) {
  std::string_view text = "x = '\xC3\xA9\xC3\xA9';\nz";
  LineIndex lines(text);
  LineIndex::Position end = lines.Advance({1, 1}, 0, 10);
  EXPECT_EQ(end.line, 1u);
  EXPECT_EQ(end.column, 9u);           // `x = 'éé';` is 8 characters
  end = lines.Advance({1, 1}, 0, 13);  // past `z`
  EXPECT_EQ(end.line, 2u);
  EXPECT_EQ(end.column, 2u);
}

}  // namespace
}  // namespace psm
