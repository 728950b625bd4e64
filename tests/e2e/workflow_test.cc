// End-to-end tests of the everyday workflows: ignore files, globs, stdin,
// staged checks, config files, GitHub annotations, colours, interactive.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

std::vector<std::string> ReportedFiles(const Outcome& run) {
  std::vector<std::string> files;
  nlohmann::json report = nlohmann::json::parse(run.out);
  for (const auto& site : report["sites"]) {
    files.push_back(site["file"].get<std::string>());
  }
  return files;
}

class WorkflowTest : public testing::Test {
 protected:
  Outcome Tool(const std::string& args) {
    return Shell(dir_.path(), "{bin} " + args);
  }
  Outcome Sh(const std::string& command) { return Shell(dir_.path(), command); }
  void GitInit() {
    ASSERT_EQ(Sh("git init -q . && git config user.email t@example.com && "
                 "git config user.name t")
                  .status,
              0);
  }
  ScratchDir dir_;
};

TEST_F(WorkflowTest, WalkHonoursNestedGitignoreNegationsAndInfoExclude) {
  GitInit();
  dir_.Write(".gitignore", "build/\n*.gen.js\n!keep.gen.js\n");
  dir_.Write("src/.gitignore", "legacy/\n");
  dir_.Write(".git/info/exclude", "scratch.js\n");
  for (const char* f :
       {"src/a.js", "build/b.js", "src/c.gen.js", "src/keep.gen.js",
        "src/legacy/d.js", "scratch.js", "src/e.js"}) {
    dir_.Write(f, kLegacyKonbini);
  }
  Outcome run = Tool("--json-report - .");
  EXPECT_EQ(ReportedFiles(run), (std::vector<std::string>{
                                    "src/a.js", "src/e.js", "src/keep.gen.js"}))
      << run.out;
  // Cross-check with git itself.
  for (const char* ignored :
       {"build/b.js", "src/c.gen.js", "src/legacy/d.js", "scratch.js"}) {
    EXPECT_EQ(Sh(std::string("git check-ignore -q ") + ignored).status, 0)
        << ignored;
  }
  EXPECT_NE(Sh("git check-ignore -q src/keep.gen.js").status, 0);
}

TEST_F(WorkflowTest, DotIgnoreFilesAndNoIgnoreFlag) {
  GitInit();
  dir_.Write("web/.ignore", "vendor/\n");
  dir_.Write("web/vendor/v.js", kLegacyKonbini);
  dir_.Write("web/app.js", kLegacyKonbini);
  EXPECT_EQ(ReportedFiles(Tool("--json-report - .")),
            std::vector<std::string>{"web/app.js"});
  EXPECT_EQ(ReportedFiles(Tool("--no-ignore --json-report - .")),
            (std::vector<std::string>{"web/app.js", "web/vendor/v.js"}));
}

TEST_F(WorkflowTest, ExplicitFilesAreProcessedEvenWhenIgnored) {
  GitInit();
  dir_.Write(".gitignore", "ignored.js\n");
  dir_.Write("ignored.js", kLegacyKonbini);
  EXPECT_EQ(ReportedFiles(Tool("--json-report - ignored.js")),
            std::vector<std::string>{"ignored.js"});
}

TEST_F(WorkflowTest, ExcludeAndIncludeGlobs) {
  dir_.Write("a/x.js", kLegacyKonbini);
  dir_.Write("a/y.ts", kLegacyKonbini);
  dir_.Write("legacy/z.js", kLegacyKonbini);
  EXPECT_EQ(ReportedFiles(Tool("--exclude 'legacy' --json-report - .")),
            (std::vector<std::string>{"a/x.js", "a/y.ts"}));
  EXPECT_EQ(ReportedFiles(Tool("--include '*.ts' --json-report - .")),
            std::vector<std::string>{"a/y.ts"});
}

TEST_F(WorkflowTest, StdinWritesMigratedSourceToStdout) {
  dir_.Write("in.js", kLegacyKonbini);
  Outcome run =
      Tool("--stdin --stdin-filepath src/pay.js --session-id S < in.js");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, kMigratedKonbini);
  Outcome check = Tool("--check --stdin --stdin-filepath src/pay.js < in.js");
  EXPECT_EQ(check.status, 1);
  EXPECT_EQ(
      check.out.rfind("src/pay.js:2:1: konbini payload needs migrating", 0), 0u)
      << check.out;
}

// --diff, --json-report - and the refusals of a file hold on stdin too
// (each was ignored: the source came back, mixed with the JSON).
TEST_F(WorkflowTest, StdinHonoursDiffReportsAndTheFileChecks) {
  dir_.Write("in.js", kLegacyKonbini);
  Outcome diff = Tool("--stdin --diff --stdin-filepath pay.js < in.js");
  EXPECT_EQ(diff.status, 0) << diff.err;
  EXPECT_EQ(diff.out.rfind("--- a/pay.js\n+++ b/pay.js\n@@", 0), 0u)
      << diff.out;
  Outcome json = Tool("--stdin --json-report - < in.js");
  EXPECT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(json.out.rfind("{", 0), 0u) << json.out;
  EXPECT_NO_THROW((void)nlohmann::json::parse(json.out)) << json.out;
  EXPECT_EQ(Tool("--stdin --write < in.js").status, 2);
  dir_.Write("bin.js", std::string(kLegacyKonbini) + std::string(1, '\0'));
  Outcome binary = Tool("--stdin --check < bin.js");
  EXPECT_EQ(binary.status, 1) << binary.out;  // unjudged, yet createSource
  EXPECT_NE(binary.err.find("binary file"), std::string::npos) << binary.err;
  Outcome large = Tool("--stdin --max-file-size 10 < in.js");
  EXPECT_EQ(large.status, 0);
  EXPECT_EQ(large.out, kLegacyKonbini);  // passed through unchanged
  EXPECT_NE(large.err.find("larger than --max-file-size 10 bytes"),
            std::string::npos);
}

TEST_F(WorkflowTest, StagedCheckJudgesTheIndexNotTheWorkTree) {
  GitInit();
  dir_.Write("pay.js", "// clean\n");
  ASSERT_EQ(Sh("git add pay.js && git commit -qm init").status, 0);
  dir_.Write("pay.js", kLegacyKonbini);
  ASSERT_EQ(Sh("git add pay.js").status, 0);
  dir_.Write("pay.js", kMigratedKonbini);  // fixed in the work tree, not staged
  Outcome staged = Tool("--check --staged");
  EXPECT_EQ(staged.status, 1) << staged.err;
  EXPECT_NE(staged.out.find("pay.js:2:1:"), std::string::npos) << staged.out;
  Outcome work_tree = Tool("--check pay.js");
  EXPECT_EQ(work_tree.status, 0) << work_tree.out;
  ASSERT_EQ(Sh("git add pay.js").status, 0);
  EXPECT_EQ(Tool("--check --staged pay.js").status, 0);
}

// `git commit -a` and `git commit <paths>` build the commit in a temporary
// index and name it to the hooks in GIT_INDEX_FILE: that is what --staged
// judges (reading .git/index let legacy payloads into the commit).
TEST_F(WorkflowTest, StagedCheckJudgesTheIndexGitNamesToTheHook) {
  GitInit();
  dir_.Write("pay.js", kMigratedKonbini);
  ASSERT_EQ(Sh("git add pay.js && git commit -qm init").status, 0);
  dir_.Write("pay.js", kLegacyKonbini);  // not staged in .git/index
  ASSERT_EQ(Sh("cp .git/index ../next-index && "
               "GIT_INDEX_FILE=$PWD/../next-index git add pay.js")
                .status,
            0);
  EXPECT_EQ(Tool("--check --staged pay.js").status, 0);
  Outcome next = Shell(dir_.path(),
                       "GIT_INDEX_FILE=$PWD/../next-index {bin} --check "
                       "--staged pay.js");
  EXPECT_EQ(next.status, 1) << next.err;
  EXPECT_NE(next.out.find("pay.js:2:1:"), std::string::npos) << next.out;
  // Through a real commit: its pre-commit hook gets the temporary index.
  ASSERT_EQ(Sh(std::string("mkdir -p .git/hooks && printf '#!/bin/sh\\nexec "
                           "%s --check --staged -q\\n' '") +
               PSM_BINARY +
               "' > .git/hooks/pre-commit && "
               "chmod +x .git/hooks/pre-commit")
                .status,
            0);
  EXPECT_NE(Sh("git commit -qam legacy").status, 0);
  EXPECT_EQ(Sh("git diff --quiet HEAD -- pay.js").status, 1)
      << "the legacy payload was committed";
}

// Files named that the tool does not read (a hook hands it every staged
// file) are passed over, never read as JavaScript: a Python test, a shell
// script, notes.
TEST_F(WorkflowTest, NamedFilesOfOtherTypesArePassedOver) {
  GitInit();
  const std::string call =
      "drjs.createSource({type: 'konbini', amount: 1, "
      "currency: 'JPY'});\n";
  dir_.Write("test_checkout.py", "def test(drjs):\n    " + call);
  dir_.Write("deploy", "#!/bin/sh\n# " + call);
  dir_.Write("NOTES.md", call);
  ASSERT_EQ(Sh("git add -A").status, 0);
  for (const char* mode : {"--check", "--check --staged", "--write"}) {
    Outcome run = Tool(std::string(mode) + " test_checkout.py deploy NOTES.md");
    EXPECT_EQ(run.status, 0) << mode << "\n" << run.out << run.err;
  }
  EXPECT_EQ(dir_.Read("test_checkout.py"), "def test(drjs):\n    " + call);
  EXPECT_EQ(dir_.Read("NOTES.md"), call);
}

// Paths name the staged files however they are spelt (a trailing slash,
// `..` from a subdirectory); a path that is nowhere is an error, not a
// pass (each of these passed the gate silently).
TEST_F(WorkflowTest, StagedPathsAreNormalisedAndMissingOnesFail) {
  GitInit();
  dir_.Write("web/js/pay.js", kLegacyKonbini);
  dir_.Write("lib/x.js", kLegacyKonbini);
  ASSERT_EQ(Sh("git add -A").status, 0);
  for (std::string path : {"web/js/pay.js", "web/js", "web/js/", "./web/js/",
                           "web/../web/js", "lib//x.js"}) {
    Outcome run = Tool("--check --staged " + path);
    EXPECT_EQ(run.status, 1) << path << ": " << run.out << run.err;
    EXPECT_NE(run.out.find("needs migrating"), std::string::npos) << path;
  }
  Outcome up = Shell(dir_.path() / "web", "{bin} --check --staged ../lib");
  EXPECT_EQ(up.status, 1) << up.out << up.err;
  EXPECT_NE(up.out.find("../lib/x.js:2:1:"), std::string::npos) << up.out;
  Outcome missing = Tool("--check --staged web/js/nope.js");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("web/js/nope.js: no such file"), std::string::npos)
      << missing.err;
}

TEST_F(WorkflowTest, StagedOutsideARepositoryIsAnError) {
  Outcome run = Tool("--check --staged");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--staged"), std::string::npos);
}

TEST_F(WorkflowTest, ConfigFileFoundUpwardsAndFlagsWin) {
  dir_.Write(".payment-session-migrate.json",
             R"({"sessionId": "cfg.session.id", "exclude": ["old"],
                 "rules": {"methods": {"alipay": {"remove": ["amount"]}}}})");
  dir_.Write("app/src/pay.js",
             "dr.createSource({ type: 'alipay', amount: 1 });\n");
  dir_.Write("app/old/legacy.js", kLegacyKonbini);
  Outcome run = Shell(dir_.path() / "app", "{bin} --json-report - --write .");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(ReportedFiles(run), std::vector<std::string>{"src/pay.js"});
  EXPECT_EQ(
      dir_.Read("app/src/pay.js"),
      "dr.createSource({ type: 'alipay', sessionId: cfg.session.id });\n");
  dir_.Write("app/src/pay.js",
             "dr.createSource({ type: 'alipay', amount: 1 });\n");
  ASSERT_EQ(
      Shell(dir_.path() / "app", "{bin} -q --session-id flag.id --write .")
          .status,
      0);
  EXPECT_NE(dir_.Read("app/src/pay.js").find("flag.id"), std::string::npos);
}

TEST_F(WorkflowTest, MalformedConfigIsStatusTwoNamingFileAndPlace) {
  dir_.Write(".payment-session-migrate.json", R"({"exclude": [1]})");
  dir_.Write("a.js", kLegacyKonbini);
  Outcome run = Tool("--write a.js");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(
                ".payment-session-migrate.json: /exclude/0: expected a string"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(dir_.Read("a.js"), kLegacyKonbini);
  // Broken JSON reads as a rules file's does: where, then what.
  dir_.Write(".payment-session-migrate.json", "{\n  \"exclude\": [1,]\n}");
  Outcome broken = Tool("--check a.js");
  EXPECT_EQ(broken.status, 2);
  EXPECT_NE(broken.err.find(".payment-session-migrate.json: line 2, column "),
            std::string::npos)
      << broken.err;
  EXPECT_EQ(broken.err.find("json.exception"), std::string::npos) << broken.err;
  // A setting given twice: the last one silently won.
  dir_.Write(".payment-session-migrate.json",
             R"({"exclude": ["a.js"], "exclude": []})");
  Outcome twice = Tool("--check a.js");
  EXPECT_EQ(twice.status, 2);
  EXPECT_NE(twice.err.find(".payment-session-migrate.json: /exclude: "
                           "duplicate key \"exclude\""),
            std::string::npos)
      << twice.err;
}

TEST_F(WorkflowTest, GithubFormatPrintsAnnotations) {
  dir_.Write("a.js", kLegacyKonbini);
  Outcome run = Tool("--check --format github a.js");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out.rfind("::error file=a.js,line=2,col=1", 0), 0u) << run.out;
}

TEST_F(WorkflowTest, ColorAlwaysColoursAndNoColorWinsOverAuto) {
  dir_.Write("a.js", kLegacyKonbini);
  EXPECT_NE(Tool("--color always --session-id S a.js").out.find("\x1b[32m+"),
            std::string::npos);
  EXPECT_EQ(Tool("--color never --session-id S a.js").out.find("\x1b["),
            std::string::npos);
  EXPECT_EQ(Sh("NO_COLOR=1 {bin} --session-id S a.js").out.find("\x1b["),
            std::string::npos);
}

TEST_F(WorkflowTest, InteractiveWritesOnlyAcceptedSites) {
  std::string two =
      std::string(kLegacyKonbini) +
      "dr.createSource({ type: 'bPay', amount: 1, currency: 'AUD' });\n";
  dir_.Write("a.js", two);
  Outcome run =
      Sh("printf 'n\\ny\\n' | {bin} --interactive --session-id S a.js");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("Apply this change"), std::string::npos);
  std::string after = dir_.Read("a.js");
  EXPECT_NE(after.find("amount: 10"), std::string::npos) << after;
  EXPECT_NE(after.find("{ type: 'bPay', sessionId: S }"), std::string::npos)
      << after;
  dir_.Write("a.js", two);
  Outcome quit = Sh("printf 'q\\n' | {bin} --interactive --session-id S a.js");
  EXPECT_EQ(dir_.Read("a.js"), two);
}

TEST_F(WorkflowTest, PreCommitHookDefinitionPointsAtCheck) {
  Outcome run = Shell(PSM_SOURCE_DIR, "cat .pre-commit-hooks.yaml");
  ASSERT_EQ(run.status, 0);
  EXPECT_NE(run.out.find("id: payment-session-migrate"), std::string::npos);
  EXPECT_NE(run.out.find("--check"), std::string::npos);
}

}  // namespace
}  // namespace psm::testing_cli

namespace psm::testing_cli {
namespace {

// The progress line only shows on a terminal: `script` gives the tool one.
TEST(ProgressTest, LongRunsShowProgressOnATerminalOnly) {
  ScratchDir dir;
  for (int i = 0; i < 260; ++i)
    dir.Write("f/" + std::to_string(i) + ".js", "var x = 1;\n");
  Outcome on_tty = Shell(dir.path(), "script -qec '{bin} --check f' /dev/null");
  EXPECT_NE(on_tty.out.find("files/s"), std::string::npos) << on_tty.out;
  EXPECT_NE(on_tty.out.find("260 files scanned"), std::string::npos)
      << on_tty.out;
  Outcome piped = Shell(dir.path(), "{bin} --check f");
  EXPECT_EQ(piped.err.find("files/s"), std::string::npos) << piped.err;
  Outcome quiet =
      Shell(dir.path(), "script -qec '{bin} --check -q f' /dev/null");
  EXPECT_EQ(quiet.out.find("files/s"), std::string::npos) << quiet.out;
}

}  // namespace
}  // namespace psm::testing_cli
