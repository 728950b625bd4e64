#include "io/wide_text.h"

#include <gtest/gtest.h>

#include <string>

namespace psm {
namespace {

// `ascii` as the encoding with `mark` would store it: each byte widened.
std::string Encode(std::string_view ascii, std::string_view mark, size_t width,
                   bool big_endian) {
  std::string out(mark);
  for (char c : ascii) {
    std::string unit(width, '\0');
    unit[big_endian ? width - 1 : 0] = c;
    out += unit;
  }
  return out;
}

constexpr std::string_view kCall = "dr.createSource({type: 'konbini'});\n";
constexpr std::string_view kOther = "var x = 1;\n";

TEST(WideTextTest, EachWideEncodingIsNamedAndItsCreateSourceFound) {
  struct Case {
    std::string_view mark;
    size_t width;
    bool big_endian;
    std::string_view name;
  };
  for (const Case& c : {Case{std::string_view("\xFF\xFE", 2), 2, false, "UTF-16LE"},
                        Case{std::string_view("\xFE\xFF", 2), 2, true, "UTF-16BE"},
                        Case{std::string_view("\xFF\xFE\0\0", 4), 4, false, "UTF-32LE"},
                        Case{std::string_view("\0\0\xFE\xFF", 4), 4, true, "UTF-32BE"}}) {
    bool calls = false;
    std::string why =
        WideTextProblem(Encode(kCall, c.mark, c.width, c.big_endian), &calls);
    EXPECT_TRUE(calls) << c.name;
    EXPECT_EQ(why.rfind(c.name, 0), 0u) << why;
    EXPECT_NE(why.find("convert the file to UTF-8"), std::string::npos) << why;
    why = WideTextProblem(Encode(kOther, c.mark, c.width, c.big_endian), &calls);
    EXPECT_FALSE(calls) << c.name;
    EXPECT_NE(why.find("skipped"), std::string::npos) << why;
  }
}

TEST(WideTextTest, BinaryAndNarrowTextAreNotWideText) {
  bool calls = true;
  EXPECT_EQ(WideTextProblem(std::string("ab\0cd createSource", 18), &calls), "");
  EXPECT_FALSE(calls);
  EXPECT_EQ(WideTextProblem("\xEF\xBB\xBF" "createSource()", &calls), "");
  // A little-endian UTF-16 mark followed by a byte-swapped spelling is not
  // the word.
  EXPECT_NE(WideTextProblem(Encode(kCall, std::string_view("\xFF\xFE", 2), 2,
                                   /*big_endian=*/true),
                            &calls),
            "");
  EXPECT_FALSE(calls);
}

}  // namespace
}  // namespace psm
