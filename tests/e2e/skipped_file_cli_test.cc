// End-to-end: a file skipped unjudged (too large, or binary) that names
// createSource fails a --check, saying which file and why; one that does
// not stays a note.
#include <gtest/gtest.h>

#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kCall =
    "dr.createSource({type: 'codJapan', amount: 1, owner: o});\n";

// A file over 1 MiB whose only createSource spans the 1 MiB mark, where a
// read in chunks splits it.
std::string BundleNamingCreateSourceAtTheMark() {
  // "dr." then the name, from 3 bytes before the mark.
  return std::string((1 << 20) - 6, ' ') + kCall + std::string(1000, ' ');
}

// skipped-file-passes-check: a bundle over --max-file-size.
TEST(SkippedFileCliTest, ATooLargeFileNamingCreateSourceFailsACheck) {
  ScratchDir dir;
  dir.Write("bundle.dev.js", BundleNamingCreateSourceAtTheMark());
  Outcome run = Shell(dir.path(), "{bin} --check -q --max-file-size 4096 .");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.err.find("bundle.dev.js: skipped (larger than "
                         "--max-file-size 4096 bytes) but names createSource: "
                         "raise --max-file-size or review it by hand"),
            std::string::npos)
      << run.err;
  // Rewriting passes it over as before; only a check judges.
  EXPECT_EQ(Shell(dir.path(), "{bin} --write -q --max-file-size 4096 .").status,
            0);
}

TEST(SkippedFileCliTest, ABinaryFileNamingCreateSourceFailsACheck) {
  ScratchDir dir;
  dir.Write("nul-in-string.js", std::string("var s = 'a\0b';\n", 15) + kCall);
  Outcome run = Shell(dir.path(), "{bin} --check -q .");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.err.find("nul-in-string.js: skipped (binary file: a NUL "
                         "byte) but names createSource"),
            std::string::npos)
      << run.err;
}

TEST(SkippedFileCliTest, SkippedFilesWithoutCreateSourceStayNotes) {
  ScratchDir dir;
  dir.Write("big.js", std::string(8192, ' '));
  dir.Write("bin.js", std::string("a\0b\n", 4));
  Outcome run = Shell(dir.path(), "{bin} --check -q --max-file-size 4096 .");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err.find("big.js:"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("bin.js:"), std::string::npos) << run.err;
}

// A vendored copy of DigitalRiver.js defines the method (and may call it
// itself); skipped for its size or a NUL byte, it must not fail a hook.
// A file that only names the method, in a string or a comment, neither.
TEST(SkippedFileCliTest, TheLibraryItselfOrAMereMentionStaysANote) {
  ScratchDir dir;
  std::string library =
      "DigitalRiver.prototype.createSource = function (a, b) {};\n"
      "var x = { createSource: function () { return this.createSource(1); } };\n";
  dir.Write("vendor/big/DigitalRiver.js", library + std::string(8192, ' '));
  dir.Write("vendor/bin/DigitalRiver.js",
            std::string("var s = 'a\0b';\n", 15) + library);
  dir.Write("docs/mention.js", std::string("// see createSource\0\n", 21));
  Outcome run = Shell(dir.path(), "{bin} --check -q --max-file-size 4096 .");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err.find("names createSource"), std::string::npos) << run.err;
}

TEST(SkippedFileCliTest, StandardInputNamingCreateSourceFailsACheckWhenSkipped) {
  ScratchDir dir;
  Outcome large = Shell(dir.path(),
                        "printf '%s' \"$(printf '%0200d' 0)dr.createSource(p)\""
                        " | {bin} --stdin --check -q --max-file-size 100");
  EXPECT_EQ(large.status, 1) << large.err;
  EXPECT_NE(large.err.find("larger than --max-file-size 100 bytes"),
            std::string::npos)
      << large.err;
  Outcome binary = Shell(dir.path(),
                         "printf 'a\\000b dr.createSource(p)' | {bin} --stdin "
                         "--check -q");
  EXPECT_EQ(binary.status, 1) << binary.err;
  Outcome plain = Shell(dir.path(),
                        "printf 'a\\000b' | {bin} --stdin --check -q");
  EXPECT_EQ(plain.status, 0) << plain.err;
}

}  // namespace
}  // namespace psm::testing_cli
