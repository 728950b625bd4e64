#include "project/project_survey.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "e2e/cli_harness.h"
#include "project/known_words_testing.h"
#include "io/file_io.h"
#include "io/ignore.h"
#include "io/walk.h"

namespace psm {
namespace {

namespace fs = std::filesystem;
using testing_cli::ScratchDir;
using testing_cli::Shell;
using testing_project::KeepRecentWords;
using testing_project::ReadUnknown;

// A git work tree with an ignored directory and a few modules.
class ProjectSurveyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::canonical(scratch_.path()).string();
    ASSERT_EQ(Shell(root_, "git init -q .").status, 0);
    scratch_.Write(".gitignore", "dist/\n");
    scratch_.Write("dist/bundle.js", "dr.createSource(drPayload);\n");
    scratch_.Write("src/pay.js", "dr.createSource(drPayload);\n");
    scratch_.Write("src/build.js", "var drPayload = {amount: 5};\n");
    for (int i = 0; i < 40; ++i)
      scratch_.Write("src/more/m" + std::to_string(i) + ".ts",
                     "export const n" + std::to_string(i) + " = 1;\n");
  }

  std::vector<std::string> Walked(bool no_ignore) const {
    IgnoreRules ignore({}, {}, !no_ignore);
    return CollectFiles({root_}, &ignore).files;
  }

  ScratchDir scratch_;
  std::string root_;
};

TEST_F(ProjectSurveyTest, FindsTheWalksFilesWhetherStartedAheadOrNot) {
  for (bool no_ignore : {false, true}) {
    std::vector<std::string> expected = Walked(no_ignore);
    ASSERT_EQ(expected.size(), no_ignore ? 43u : 42u);
    ProjectSurvey asked_only(root_, no_ignore, true);
    EXPECT_EQ(asked_only.Files(), expected);
    ProjectSurvey ahead(root_, no_ignore, true);
    ahead.Start();
    ahead.Start();  // only the first starts it
    EXPECT_EQ(ahead.Files(), expected);
    EXPECT_EQ(ahead.Files(), expected);  // asked again: the same
  }
}

TEST_F(ProjectSurveyTest, StartedAheadItKnowsWhatTheStoreKeptAndWhatChanged) {
  KeepRecentWords keep;
  {
    ProjectSurvey first(root_, false, true);
    first.Start();
    const std::vector<std::string>& files = first.Files();
    EXPECT_EQ(ReadUnknown(first.Words(), files), 42);
    first.SaveWords();
  }
  // Changed after the store was kept: read again, the rest known.
  scratch_.Write("src/build.js", "var drPayload = {amount: 5, currency: 1};\n");
  ProjectSurvey second(root_, false, true);
  second.Start();
  const std::vector<std::string>& files = second.Files();
  KnownWords& words = second.Words();
  std::vector<std::string> unknown;
  for (uint32_t id = 0; id < files.size(); ++id) {
    if (!words.Known(id)) unknown.push_back(files[id]);
  }
  EXPECT_EQ(unknown, std::vector<std::string>{root_ + "/src/build.js"});
  uint32_t pay = 0;
  while (files[pay] != root_ + "/src/pay.js") ++pay;
  EXPECT_TRUE(words.MayName(pay, WordHash("drPayload")));
  EXPECT_FALSE(words.MayName(pay, WordHash("currency")));
}

TEST_F(ProjectSurveyTest, WithoutTheStoreItKnowsNoFile) {
  for (bool started : {false, true}) {
    ProjectSurvey survey(root_, false, false);
    if (started) survey.Start();
    const std::vector<std::string>& files = survey.Files();
    KnownWords& words = survey.Words();
    EXPECT_FALSE(words.Keeps());
    for (uint32_t id = 0; id < files.size(); ++id)
      EXPECT_FALSE(words.Known(id)) << files[id];
  }
}

TEST_F(ProjectSurveyTest, SavesOnlyWhenItsWordsWereAsked) {
  KeepRecentWords keep;
  {
    ProjectSurvey survey(root_, false, true);
    survey.Start();
    survey.Files();
    survey.SaveWords();
  }
  EXPECT_FALSE(fs::exists(WordStore::LocationFor(root_)));
}

TEST_F(ProjectSurveyTest, TakenByOneThreadWhileAnotherAsks) {
  // A worker takes the look (Start) while the linker's thread asks for its
  // files and words, before, during or after: the linker waits for what it
  // needs and gets the look's answer, and a second Start returns at once.
  KeepRecentWords keep;
  std::vector<std::string> expected = Walked(false);
  for (int i = 0; i < 20; ++i) {
    ProjectSurvey survey(root_, false, true);
    std::thread worker([&] { survey.Start(); });
    std::thread other_worker([&] { survey.Start(); });
    EXPECT_EQ(survey.Files(), expected) << "round " << i;
    KnownWords& words = survey.Words();
    worker.join();
    other_worker.join();
    EXPECT_EQ(ReadUnknown(words, expected), i == 0 ? 42 : 0) << "round " << i;
    survey.SaveWords();
  }
}

TEST_F(ProjectSurveyTest, EndsWhenLeftUnasked) {
  // Started and dropped (a run interrupted before it linked): a later
  // survey still sees every file.
  for (int i = 0; i < 20; ++i) {
    ProjectSurvey dropped(root_, false, true);
    dropped.Start();
  }
  ProjectSurvey survey(root_, false, true);
  EXPECT_EQ(survey.Files(), Walked(false));
}

TEST_F(ProjectSurveyTest, WithoutAThreadTheRunStillSeesTheProject) {
  // A process limit (a container at its pids limit) refuses the survey's
  // thread: the linker must then walk itself, not take an empty project
  // (which let a classic script's global lose fields another script reads).
  // Root is not bound by RLIMIT_NPROC, so the run drops to nobody.
  if (::geteuid() != 0 ||
      Shell(root_, "command -v setpriv && command -v prlimit").status != 0)
    GTEST_SKIP() << "needs root, setpriv and prlimit";
  scratch_.Write("package.json", "{}\n");
  scratch_.Write("scripts/pay.js",
                 "var dr = DigitalRiver('pk');\n"
                 "var drPayload = {type: 'payPal', amount: 5, currency: "
                 "'USD', payPal: {returnUrl: '/ok'}};\n"
                 "function pay() { return dr.createSource(drPayload); }\n");
  scratch_.Write("scripts/summary.js",
                 "document.title = 'Total ' + drPayload.amount;\n");
  ASSERT_EQ(Shell(root_, "cp {bin} psm && chmod -R a+rX .").status, 0);
  std::string run = "./psm --check --no-cache scripts/pay.js";
  testing_cli::Outcome normal = Shell(root_, run);
  EXPECT_NE(normal.out.find("scripts/summary.js:1"),
            std::string::npos)
      << normal.out;
  // LeakSanitizer checks at exit from a tracer task it clones, which the
  // same limit refuses (abort, 134); the normal run above keeps that check.
  testing_cli::Outcome limited = Shell(
      root_, "ASAN_OPTIONS=\"$ASAN_OPTIONS:detect_leaks=0\" "
             "setpriv --reuid=65534 --regid=65534 --clear-groups "
             "prlimit --nproc=1 " + run);
  EXPECT_EQ(limited.out, normal.out) << limited.err;
  EXPECT_EQ(limited.status, normal.status);
}

TEST_F(ProjectSurveyTest, AnswersOnlyForItsRootAndSettings) {
  ProjectSurvey survey(root_, false, true);
  EXPECT_TRUE(survey.Answers(root_, false, true));
  EXPECT_FALSE(survey.Answers(root_ + "/src", false, true));
  EXPECT_FALSE(survey.Answers(root_, true, true));
  EXPECT_FALSE(survey.Answers(root_, false, false));
}

}  // namespace
}  // namespace psm
