#include "project/project_survey.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
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

TEST_F(ProjectSurveyTest, EndsWhenLeftUnasked) {
  // Started and dropped (a run interrupted before it linked): the look
  // stops and is waited for, and a later survey still sees every file.
  for (int i = 0; i < 20; ++i) {
    ProjectSurvey dropped(root_, false, true);
    dropped.Start();
  }
  ProjectSurvey survey(root_, false, true);
  EXPECT_EQ(survey.Files(), Walked(false));
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
