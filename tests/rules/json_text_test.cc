#include "rules/json_text.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(ReadJsonTextTest, ReadsADocumentWithDistinctKeys) {
  JsonText read = ReadJsonText(R"({"a": {"b": 1}, "c": [{"b": 2}, {"b": 3}]})");
  ASSERT_TRUE(read.doc) << read.message;
  EXPECT_EQ((*read.doc)["c"][1]["b"], 3);
}

// The same key in two objects is fine; twice in one is an error whose
// pointer leads to the second, through objects and arrays alike.
TEST(ReadJsonTextTest, NamesARepeatedKeyByItsJsonPointer) {
  struct Case {
    const char* text;
    const char* where;
  } cases[] = {
      {R"({"a": 1, "a": 2})", "/a"},
      {R"({"x": {"a": 1}, "y": {"a": 1, "b": 2, "a": 3}})", "/y/a"},
      {R"({"x": [1, {"a": [true, null]}, {"k": 0, "k": 0}]})", "/x/2/k"},
      {R"([[], [{}, {"a/b~": 1, "a/b~": 2}]])", "/1/1/a~1b~0"},
  };
  for (const Case& c : cases) {
    JsonText read = ReadJsonText(c.text);
    EXPECT_FALSE(read.doc) << c.text;
    EXPECT_EQ(read.where, c.where) << c.text;
    EXPECT_NE(read.message.find("duplicate key"), std::string::npos)
        << read.message;
  }
}

TEST(ReadJsonTextTest, ASyntaxErrorIsPlacedByLineAndColumn) {
  JsonText read = ReadJsonText("{\"a\": 1,\n  \"a\": }");
  EXPECT_FALSE(read.doc);
  EXPECT_EQ(read.where, "line 2, column 8");
  EXPECT_NE(read.message.find("invalid JSON"), std::string::npos);
}

}  // namespace
}  // namespace psm
