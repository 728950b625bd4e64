#include "project/kept_listing.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"
#include "io/ignore.h"
#include "io/walk.h"
#include "io/walk_sources.h"
#include "project/known_words_testing.h"
#include "project/project_survey.h"

namespace psm {
namespace {

namespace fs = std::filesystem;
using testing_cli::ScratchDir;
using testing_cli::Shell;
using testing_project::KeepRecentWords;

// Sets an environment variable while it lives.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A git work tree with nested ignore files, a global excludes file of its
// own, and the kept listing of one walk of it. Every file and directory is
// dated an hour back first, so that any change a test makes gives a new
// modification time whatever the file system clock's tick.
class KeptListingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::canonical(scratch_.path() / ".").string() + "/shop";
    home_ = fs::canonical(scratch_.path()).string() + "/home";
    scratch_.Write("home/.gitconfig", "[core]\n\texcludesFile = " + home_ +
                                          "/global-ignore\n");
    scratch_.Write("home/global-ignore", "*.generated.js\n");
    scratch_.Write("shop/.gitignore", "dist/\n");
    scratch_.Write("shop/dist/bundle.js", "x\n");
    scratch_.Write("shop/src/pay.js", "x\n");
    scratch_.Write("shop/src/api.generated.js", "x\n");
    scratch_.Write("shop/src/cart/.gitignore", "*.local.js\n");
    scratch_.Write("shop/src/cart/cart.ts", "x\n");
    scratch_.Write("shop/src/cart/cart.local.js", "x\n");
    scratch_.Write("shop/web/js/view.js", "x\n");
    ASSERT_EQ(Shell(root_, "git init -q .").status, 0);
    Backdate(scratch_.path());
  }

  static void Backdate(const fs::path& top) {
    auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& entry : fs::recursive_directory_iterator(top))
      fs::last_write_time(entry.path(), old);
    fs::last_write_time(top, old);
  }

  std::vector<std::string> FreshWalk(bool no_ignore = false) const {
    IgnoreRules ignore({}, {}, !no_ignore);
    return CollectFiles({root_}, &ignore).files;
  }

  // Walks as the survey does and keeps the listing; the files walked.
  std::vector<std::string> WalkAndKeep(bool no_ignore = false) const {
    IgnoreRules ignore({}, {}, !no_ignore);
    WalkSources sources;
    ignore.NoteSourcesIn(&sources);
    WalkResult walked = CollectFiles({root_}, &ignore, 1, nullptr, &sources);
    EXPECT_TRUE(walked.problems.empty());
    EXPECT_TRUE(KeptListing(root_, no_ignore).Save(walked.files, sources.Take()));
    return walked.files;
  }

  // What the kept listing answers now; when it answers, it must be what a
  // walk finds.
  std::optional<std::vector<std::string>> Loaded(bool no_ignore = false) const {
    std::optional<std::vector<std::string>> kept =
        KeptListing(root_, no_ignore).Load();
    if (kept) EXPECT_EQ(*kept, FreshWalk(no_ignore));
    return kept;
  }

  void Write(const std::string& relative, const std::string& text) const {
    scratch_.Write(relative, text);
  }

  ScratchDir scratch_;
  std::string root_, home_;
  KeepRecentWords keep_recent_;
  ScopedEnv home_env_{"HOME", (fs::canonical(scratch_.path()) / "home").string()};
  ScopedEnv no_system_{"GIT_CONFIG_NOSYSTEM", "1"};
  ScopedEnv no_xdg_{"XDG_CONFIG_HOME",
                    (fs::canonical(scratch_.path()) / "xdg").string()};
};

TEST_F(KeptListingTest, StandsWhileNothingChangedAndIsTheWalksList) {
  std::vector<std::string> walked = WalkAndKeep();
  ASSERT_EQ(walked.size(), 3u);  // pay.js, cart.ts, view.js
  std::optional<std::vector<std::string>> kept = Loaded();
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(*kept, walked);
  // A file's content is the word store's business, not the listing's.
  Write("shop/src/pay.js", "changed\n");
  EXPECT_TRUE(Loaded().has_value());
}

TEST_F(KeptListingTest, AnEntryAddedRemovedOrRenamedAnywhereTurnsItAway) {
  WalkAndKeep();
  Write("shop/src/cart/more.js", "x\n");
  EXPECT_FALSE(Loaded().has_value());

  WalkAndKeep();
  fs::remove(fs::path(root_) / "web/js/view.js");
  EXPECT_FALSE(Loaded().has_value());

  WalkAndKeep();
  fs::rename(fs::path(root_) / "src/cart/cart.ts",
             fs::path(root_) / "src/cart/basket.ts");
  EXPECT_FALSE(Loaded().has_value());

  WalkAndKeep();
  Write("shop/new/deep/er.js", "x\n");  // a new directory
  EXPECT_FALSE(Loaded().has_value());
}

TEST_F(KeptListingTest, AChangedIgnoreRuleAnywhereTurnsItAway) {
  // A nested .gitignore's text.
  WalkAndKeep();
  Write("shop/src/cart/.gitignore", "\n");
  EXPECT_FALSE(Loaded().has_value());
  // The repository's info/exclude.
  WalkAndKeep();
  Write("shop/.git/info/exclude", "web/\n");
  EXPECT_FALSE(Loaded().has_value());
  // The user's core.excludesFile.
  WalkAndKeep();
  Write("home/global-ignore", "\n");
  EXPECT_FALSE(Loaded().has_value());
  // The setting that names it.
  WalkAndKeep();
  Write("home/.gitconfig", "[core]\n\tignoreCase = true\n");
  EXPECT_FALSE(Loaded().has_value());
  // A configuration file that was not there.
  WalkAndKeep();
  Write("xdg/git/config", "[core]\n\texcludesFile = /nowhere\n");
  EXPECT_FALSE(Loaded().has_value());
  // An .ignore file where there was none (web/ is excluded by now).
  WalkAndKeep();
  Write("shop/src/.ignore", "cart/\n");
  EXPECT_FALSE(Loaded().has_value());
}

TEST_F(KeptListingTest, ARootBelowTheRepositoryWatchesTheIgnoreFilesAbove) {
  root_ += "/src";
  WalkAndKeep();
  ASSERT_TRUE(Loaded().has_value());
  // The repository's root gains a .gitignore that ignores `src/cart/`.
  Write("shop/.gitignore", "dist/\ncart/\n");
  EXPECT_FALSE(Loaded().has_value());
}

TEST_F(KeptListingTest, ItsSettingsAndEnvironmentAreItsOwn) {
  WalkAndKeep(false);
  EXPECT_FALSE(Loaded(true).has_value());  // --no-ignore: another listing
  {
    ScopedEnv global("GIT_CONFIG_GLOBAL", home_ + "/other-config");
    EXPECT_FALSE(Loaded().has_value());
  }
  EXPECT_TRUE(Loaded().has_value());
}

TEST_F(KeptListingTest, ADamagedListingIsIgnored) {
  WalkAndKeep();
  fs::path dir = fs::path(root_) / ".git/payment-session-migrate";
  fs::path listing;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().starts_with("listing-"))
      listing = entry.path();
  ASSERT_FALSE(listing.empty());
  std::string bytes = testing_cli::ReadFile(listing);
  ASSERT_GT(bytes.size(), 64u);
  for (size_t at : {size_t{3}, size_t{12}, size_t{40}, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    std::ofstream(listing, std::ios::binary | std::ios::trunc) << damaged;
    EXPECT_FALSE(Loaded().has_value()) << "byte " << at;
  }
  std::ofstream(listing, std::ios::binary | std::ios::trunc)
      << bytes.substr(0, bytes.size() / 2);
  EXPECT_FALSE(Loaded().has_value());
  std::ofstream(listing, std::ios::binary | std::ios::trunc) << bytes;
  EXPECT_TRUE(Loaded().has_value());
}

TEST_F(KeptListingTest, NothingRecentIsKept) {
  ::unsetenv("PSM_TEST_KEEP_RECENT_WORDS");
  Write("shop/src/just-now.js", "x\n");  // the directory changed just now
  IgnoreRules ignore({}, {}, true);
  WalkSources sources;
  ignore.NoteSourcesIn(&sources);
  WalkResult walked = CollectFiles({root_}, &ignore, 1, nullptr, &sources);
  EXPECT_FALSE(KeptListing(root_, false).Save(walked.files, sources.Take()));
  EXPECT_FALSE(Loaded().has_value());
  ::setenv("PSM_TEST_KEEP_RECENT_WORDS", "1", 1);
}

TEST_F(KeptListingTest, ASurveyTakesTheKeptListingAndSeesWhatChanged) {
  {
    ProjectSurvey first(root_, false, true);
    EXPECT_EQ(first.Files(), FreshWalk());
  }
  ASSERT_TRUE(Loaded().has_value());  // kept by the first survey
  Write("shop/web/js/added.js", "x\n");
  ProjectSurvey second(root_, false, true);
  second.Start();
  EXPECT_EQ(second.Files(), FreshWalk());
  // --no-cache: neither kept nor read.
  Write("shop/web/js/added-too.js", "x\n");
  ProjectSurvey uncached(root_, false, false);
  EXPECT_EQ(uncached.Files(), FreshWalk());
}

}  // namespace
}  // namespace psm
