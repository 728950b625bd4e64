#include "common/path_quote.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"

namespace psm {
namespace {

using testing_cli::ScratchDir;
using testing_cli::Shell;

TEST(QuotePathTest, PlainNamesStayUnquoted) {
  for (const char* name : {"src/a.js", "sp ace.js", "-dash.js", "trail .js ",
                           "a:b,c%d.js", "it's.js"}) {
    EXPECT_EQ(QuotePath(name), name);
    EXPECT_EQ(ReadablePath(name), name);
  }
}

TEST(QuotePathTest, ControlBytesQuotesAndBackslashesAreEscapedAsGitDoes) {
  EXPECT_EQ(QuotePath("new\nline.js"), "\"new\\nline.js\"");
  EXPECT_EQ(QuotePath("ta\tb\rc\ad\be\vf\fg"),
            "\"ta\\tb\\rc\\ad\\be\\vf\\fg\"");
  EXPECT_EQ(QuotePath("sp ace \"q\".js"), "\"sp ace \\\"q\\\".js\"");
  EXPECT_EQ(QuotePath("back\\slash"), "\"back\\\\slash\"");
  EXPECT_EQ(QuotePath("esc\x1b"
                      "del\x7f"),
            "\"esc\\033del\\177\"");
}

TEST(QuotePathTest, BytesAbove127AreOctalUnlessReadableKeepsValidUtf8) {
  EXPECT_EQ(QuotePath("caf\xc3\xa9.js"), "\"caf\\303\\251.js\"");
  EXPECT_EQ(ReadablePath("caf\xc3\xa9.js"), "caf\xc3\xa9.js");
  EXPECT_EQ(QuotePath("bad\xffname.js"), "\"bad\\377name.js\"");
  EXPECT_EQ(ReadablePath("caf\xc3\xa9\xff.js"), "\"caf\xc3\xa9\\377.js\"");
  // Half a character is not UTF-8: each of its bytes is escaped.
  EXPECT_EQ(ReadablePath("cut\xe2\x82.js"), "\"cut\\342\\202.js\"");
}

TEST(QuotePathTest, UnquoteGivesBackEveryByteInBothModes) {
  for (int byte = 1; byte < 256; ++byte) {
    std::string name = "a" + std::string(1, static_cast<char>(byte)) + "b";
    EXPECT_EQ(UnquotePath(QuotePath(name)), name) << byte;
    EXPECT_EQ(UnquotePath(ReadablePath(name)), name) << byte;
  }
  std::string mixed = "\"x\"\n\xc3\xa9\xff\\";
  EXPECT_EQ(UnquotePath(ReadablePath(mixed)), mixed);
}

TEST(QuotePathTest, UnquoteRefusesMalformedQuotedNames) {
  for (const char* text :
       {"\"open", "\"a\\q\"", "\"a\"b", "\"\\400\"", "\"\\37\"", "\"end\\\""}) {
    EXPECT_EQ(UnquotePath(text), std::nullopt) << text;
  }
  EXPECT_EQ(UnquotePath("plain\\n"), "plain\\n");
}

TEST(IsUtf8Test, RefusesOverlongSurrogateTruncatedAndOutOfRangeSequences) {
  EXPECT_TRUE(IsUtf8("ascii, \xc3\xa9, \xe2\x82\xac, \xf0\x9f\x98\x80"));
  for (const char* bad : {"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
                          "\xf4\x90\x80\x80", "\xe2\x82", "\xff", "\x80"}) {
    EXPECT_FALSE(IsUtf8(bad)) << bad;
  }
}

// Lines of `git ls-files` (which quotes names) in the scratch repository.
std::vector<std::string> GitListed(const ScratchDir& dir,
                                   const std::string& config) {
  std::istringstream lines(
      Shell(dir.path(), "git " + config + " ls-files").out);
  std::vector<std::string> listed;
  for (std::string line; std::getline(lines, line);) listed.push_back(line);
  return listed;
}

// git is the reference: a file for every byte a name can hold, listed by
// git with core.quotePath on (QuotePath) and off (ReadablePath, which
// matches it on valid UTF-8).
TEST(QuotePathTest, MatchesGitForEveryByteAName) {
  ScratchDir dir;
  ASSERT_EQ(Shell(dir.path(), "git init -q .").status, 0);
  std::vector<std::string> names = {"caf\xc3\xa9.js", "\xe6\x97\xa5.js"};
  for (int byte = 1; byte < 256; ++byte) {
    if (byte == '/') continue;
    names.push_back("n" + std::string(1, static_cast<char>(byte)) + ".js");
  }
  for (const std::string& name : names) dir.Write(name, "x\n");
  // Not -A: the harness keeps its own output files in the directory.
  ASSERT_EQ(Shell(dir.path(), "git add -- '*.js'").status, 0);
  std::vector<std::string> quoted, readable;
  for (const std::string& name : names) {
    quoted.push_back(QuotePath(name));
    if (IsUtf8(name)) readable.push_back(ReadablePath(name));
  }
  std::vector<std::string> git_quoted = GitListed(dir, "");
  std::vector<std::string> git_readable;
  for (const std::string& line : GitListed(dir, "-c core.quotePath=false")) {
    if (IsUtf8(line)) git_readable.push_back(line);
  }
  std::sort(quoted.begin(), quoted.end());
  std::sort(git_quoted.begin(), git_quoted.end());
  std::sort(readable.begin(), readable.end());
  std::sort(git_readable.begin(), git_readable.end());
  EXPECT_EQ(quoted, git_quoted);
  EXPECT_EQ(readable, git_readable);
}

}  // namespace
}  // namespace psm
