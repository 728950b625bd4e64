#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

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

// The words of `text` the plain way, one byte at a time.
std::vector<std::string_view> WordsByteByByte(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsIdentifierByte(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && IsIdentifierByte(text[i])) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

TEST(ForEachWordTest, AgreesWithAByteByByteScanOnEveryKindOfByte) {
  std::mt19937 random(7);
  // Every byte value turns up; runs long and short cross the 16-byte
  // blocks and end the text.
  int words_seen = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text(random() % 90, ' ');
    for (char& c : text) {
      int kind = random() % 4;
      c = kind == 0 ? static_cast<char>(random() % 256)
                    : kind == 1 ? ' ' : "aZ9_$\xc3\xa9.("[random() % 9];
    }
    std::vector<std::string_view> words;
    ForEachWord(text, [&](std::string_view w) { words.push_back(w); });
    ASSERT_EQ(words, WordsByteByByte(text)) << "round " << round;
    words_seen += static_cast<int>(words.size());
  }
  EXPECT_GT(words_seen, 10000);
}

TEST(ForEachWordTest, ClassifiesEachByteAsTheTableDoes) {
  for (int byte = 0; byte < 256; ++byte) {
    std::string text(40, ' ');
    text[17] = static_cast<char>(byte);  // inside the second block
    std::vector<std::string_view> words;
    ForEachWord(text, [&](std::string_view w) { words.push_back(w); });
    EXPECT_EQ(words.size(), IsIdentifierByte(static_cast<char>(byte)) ? 1u : 0u)
        << "byte " << byte;
  }
}

}  // namespace
}  // namespace psm
