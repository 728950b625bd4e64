// Every file name git can hold (issue 15), end to end: the diff applies with
// git, --write then --check is clean, every report names the file so that
// its exact bytes read back, and so do --staged and --interactive. The
// names are made at test time: not every file system can check them out.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "common/path_quote.h"
#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kWhere = ":2:1: ";  // of the call in kLegacyKonbini

struct Name {
  const char* label;
  std::string path;
};

// gtest names a failing case by this, not by bytes.
void PrintTo(const Name& name, std::ostream* out) { *out << name.label; }

// pay.js below directories of NAME_MAX bytes, `length` bytes in all.
std::string DeepPath(size_t length) {
  const std::string file = "pay.js";
  std::string path;
  while (path.size() + file.size() < length) {
    size_t room = length - path.size() - file.size() - 1;
    path += std::string(std::clamp<size_t>(room, 1, 255), 'd') + "/";
  }
  return path + file;
}

// Short of PATH_MAX (4096 with its NUL) by what the temporary file of an
// atomic write and the scratch directory's own absolute path add.
constexpr size_t kDeepPathLength = 4000;

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The first line of `text` starting with `prefix`.
std::string LineStarting(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(prefix)) return line;
  }
  return "";
}

std::string Unquoted(const std::string& text) {
  return UnquotePath(text).value_or("<malformed: " + text + ">");
}

// Readers of each output format, as a reviewer's tooling would be.

std::string FromCheckLine(const std::string& out) {
  return Unquoted(out.substr(0, out.find(kWhere)));
}

std::string FromJson(const std::string& text) {
  nlohmann::json site = nlohmann::json::parse(text)["sites"][0];
  std::string file = site["file"];
  return site.value("fileQuoted", false) ? Unquoted(file) : file;
}

std::string PercentDecoded(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string FromSarif(const std::string& text) {
  nlohmann::json result = nlohmann::json::parse(text)["runs"][0]["results"][0];
  return PercentDecoded(
      result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
}

// The text of the code span that is the whole of a "### " heading, read as
// CommonMark reads it (fence, then one space stripped from each end when
// both have one).
std::string FromMarkdown(const std::string& text) {
  std::string heading = LineStarting(text, "### ").substr(4);
  size_t fence = heading.find_first_not_of('`');
  if (fence == std::string::npos || 2 * fence >= heading.size()) return "";
  std::string code = heading.substr(fence, heading.size() - 2 * fence);
  if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ')
    code = code.substr(1, code.size() - 2);
  return Unquoted(code);
}

// The heading of the file's section.
std::string FromHtml(const std::string& text) {
  size_t section = text.find("<section class=\"file\"");
  size_t start = text.find("<h2>", section) + 4;
  std::string name = text.substr(start, text.find("</h2>", start) - start);
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    bool entity = false;
    for (auto [code, c] : {std::pair{"&amp;", '&'},
                           {"&lt;", '<'},
                           {"&gt;", '>'},
                           {"&quot;", '"'},
                           {"&#39;", '\''}}) {
      std::string_view sv(code);
      if (!entity && std::string_view(name).substr(i).starts_with(sv)) {
        out += c;
        i += sv.size() - 1;
        entity = true;
      }
    }
    if (!entity) out += name[i];
  }
  return Unquoted(out);
}

// The `file` property of a workflow command, as the runner decodes it.
std::string FromGithub(const std::string& out) {
  size_t start = out.find("file=") + 5;
  std::string value = out.substr(start, out.find(',', start) - start);
  std::string decoded = PercentDecoded(value);
  return decoded.starts_with('"') ? Unquoted(decoded) : decoded;
}

class FileNameTest : public testing::TestWithParam<Name> {
 protected:
  void SetUp() override { dir_.Write(name(), kLegacyKonbini); }
  const std::string& name() const { return GetParam().path; }
  Outcome Run(const std::string& command) {
    return Shell(dir_.path(), command);
  }
  void GitAdd() {
    ASSERT_EQ(Run("git init -q . && git add -- '*.js'").status, 0);
  }
  ScratchDir dir_;
};

TEST_P(FileNameTest, DiffAppliesWithGitApply) {
  Outcome diff = Run("{bin} --diff --session-id S . > psm.patch");
  ASSERT_EQ(diff.status, 0) << diff.err;
  Outcome check = Run("git apply --check psm.patch");
  EXPECT_EQ(check.status, 0) << check.err << dir_.Read("psm.patch");
  EXPECT_EQ(Run("git apply psm.patch").status, 0);
  EXPECT_EQ(dir_.Read(name()), kMigratedKonbini);
}

// git diff --no-index names the file as a/NAME in its "---" line when NAME
// is the old side, and as b/NAME in its "+++" line when NAME is the new one.
TEST_P(FileNameTest, DiffHeadersAreTheOnesGitWrites) {
  dir_.Write("other.txt", "other\n");
  std::string quoted = ShellQuote(name());
  std::string git_old =
      Run("git diff --no-index -- " + quoted + " other.txt").out;
  std::string git_new = Run("git diff --no-index -- other.txt " + quoted).out;
  std::string ours = Run("{bin} --diff --session-id S .").out;
  ASSERT_NE(LineStarting(git_old, "--- "), "") << git_old;
  EXPECT_EQ(LineStarting(ours, "--- "), LineStarting(git_old, "--- "));
  EXPECT_EQ(LineStarting(ours, "+++ "), LineStarting(git_new, "+++ "));
}

TEST_P(FileNameTest, WriteThenCheckFindsNothingLeft) {
  EXPECT_EQ(Run("{bin} --check --session-id S .").status, 1);
  Outcome write = Run("{bin} --write --session-id S .");
  EXPECT_EQ(write.status, 0) << write.err;
  EXPECT_EQ(dir_.Read(name()), kMigratedKonbini);
  Outcome walked = Run("{bin} --check --session-id S .");
  EXPECT_EQ(walked.status, 0) << walked.out << walked.err;
  Outcome named = Run("{bin} --check --session-id S -- " + ShellQuote(name()));
  EXPECT_EQ(named.status, 0) << named.out << named.err;
}

// pre-commit appends the staged files' names after the hook's options,
// with no `--`: `-dash.js` was refused as an unknown option (exit 2).
TEST_P(FileNameTest, NamedAfterTheOptionsAsPreCommitDoes) {
  Outcome legacy =
      Run("{bin} --check --quiet --session-id S " + ShellQuote(name()));
  EXPECT_EQ(legacy.status, 1) << legacy.out << legacy.err;
  EXPECT_EQ(Run("{bin} --write --session-id S " + ShellQuote(name())).status,
            0);
  Outcome fixed =
      Run("{bin} --check --quiet --session-id S " + ShellQuote(name()));
  EXPECT_EQ(fixed.status, 0) << fixed.out << fixed.err;
}

TEST_P(FileNameTest, EveryReportNamesTheFileSoItsBytesReadBack) {
  Outcome run =
      Run("{bin} --check --session-id S --json-report r.json --sarif-report "
          "r.sarif --markdown-report r.md --html-report r.html .");
  ASSERT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(FromCheckLine(run.out), name()) << run.out;
  std::string json = dir_.Read("r.json");
  EXPECT_EQ(FromJson(json), name()) << json;
  EXPECT_EQ(json.find("fileQuoted") != std::string::npos, !IsUtf8(name()));
  EXPECT_EQ(FromSarif(dir_.Read("r.sarif")), name());
  EXPECT_EQ(FromMarkdown(dir_.Read("r.md")), name());
  EXPECT_EQ(FromHtml(dir_.Read("r.html")), name());
  Outcome github = Run("{bin} --check --format github --session-id S .");
  EXPECT_EQ(FromGithub(github.out), name()) << github.out;
  Outcome named = Run("{bin} --check --session-id S -- " + ShellQuote(name()));
  EXPECT_EQ(FromCheckLine(named.out), name()) << named.out;
}

TEST_P(FileNameTest, StagedCheckAndDiffNameTheStagedFile) {
  GitAdd();
  Outcome all = Run("{bin} --check --staged --session-id S");
  EXPECT_EQ(all.status, 1) << all.err;
  EXPECT_EQ(FromCheckLine(all.out), name()) << all.out;
  Outcome named =
      Run("{bin} --check --staged --session-id S -- " + ShellQuote(name()));
  EXPECT_EQ(named.status, 1) << named.err;
  EXPECT_EQ(FromCheckLine(named.out), name()) << named.out;
  Outcome diff =
      Run("{bin} --diff --staged --session-id S > staged.patch && "
          "git apply --cached --check staged.patch");
  EXPECT_EQ(diff.status, 0) << diff.err << dir_.Read("staged.patch");
}

TEST_P(FileNameTest, InteractiveShowsTheQuotedNameAndWritesTheAnswer) {
  Outcome run = Run("printf 'y\\n' | {bin} -i --session-id S .");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("--- " + QuotePath("a/" + name())), std::string::npos)
      << run.out;
  EXPECT_EQ(dir_.Read(name()), kMigratedKonbini);
}

INSTANTIATE_TEST_SUITE_P(
    HostileNames, FileNameTest,
    testing::Values(Name{"LineBreak", "new\nline.js"},
                    Name{"ByteThatIsNotUtf8", "bad\xffname.js"},
                    Name{"SpaceAndDoubleQuotes", "sp ace \"q\".js"},
                    Name{"Tab", "ta\tb.js"}, Name{"LeadingDash", "-dash.js"},
                    Name{"TrailingSpace", "space at end /pay.js"},
                    Name{"NameOf255Bytes", std::string(252, 'n') + ".js"},
                    Name{"NestingNearPathMax", DeepPath(kDeepPathLength)}),
    [](const testing::TestParamInfo<Name>& info) { return info.param.label; });

}  // namespace
}  // namespace psm::testing_cli
