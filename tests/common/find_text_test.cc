#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "common/strings.h"

namespace psm {
namespace {

// FindText must answer as string_view::find does, wherever the needle
// stands: across the 16-byte blocks, in the bytes after the last block,
// at the very end, overlapping itself.
TEST(FindTextTest, AgreesWithStringViewFindOnRandomTexts) {
  std::mt19937 random(14);
  const std::string alphabet("ab\xff\0c", 5);
  int found = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text(random() % 80, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    std::string needle(1 + random() % 5, ' ');
    for (char& c : needle) c = alphabet[random() % alphabet.size()];
    size_t from = random() % (text.size() + 2);
    size_t expected = std::string_view(text).find(needle, from);
    if (from > text.size()) expected = std::string_view::npos;
    ASSERT_EQ(FindText(text, needle, from), expected)
        << "text of " << text.size() << " bytes, needle of " << needle.size()
        << ", from " << from;
    found += expected != std::string_view::npos;
  }
  EXPECT_GT(found, 1000);  // the rounds did find needles, not only misses
}

TEST(FindTextTest, FindsEveryPlaceOfAWordInALongFile) {
  std::string text;
  for (int k = 0; k < 300; ++k) text += k % 7 ? "value = 1;\n" : "eval(x);\n";
  EXPECT_EQ(WordsAt(text, "eval").size(), 43u);
  EXPECT_EQ(FindText(text, "value = 1;\n", text.size() - 11), text.size() - 11);
  EXPECT_EQ(FindText(text, ""), 0u);
  EXPECT_EQ(FindText(text, "x", text.size() + 1), std::string_view::npos);
}

}  // namespace
}  // namespace psm
