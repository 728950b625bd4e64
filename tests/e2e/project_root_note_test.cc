// Without `.git` or `package.json` at or above the paths given, the project
// model takes the first path's directory as the project and reads every
// file below it. Where that is a large folder (a download folder, /tmp),
// the run says so in one line, instead of being slow for no visible
// reason; the findings are the same.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e/cli_harness.h"

namespace psm::testing_cli {
namespace {

constexpr const char* kNote = "no .git, package.json or composer.json at or above";

class ProjectRootNoteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("build.js",
               "export function buildPayload(cart) {\n"
               "  return {type: 'payPal', amount: cart.total,\n"
               "    currency: 'USD', payPal: {returnUrl: cart.ok}};\n"
               "}\n");
    dir_.Write("checkout.js",
               "import {buildPayload} from './build.js';\n"
               "export function pay(dr, cart) {\n"
               "  return dr.createSource(buildPayload(cart));\n"
               "}\n");
  }

  void AddUnrelatedFiles(int n) {
    for (int i = 0; i < n; ++i) {
      dir_.Write("vendor/m" + std::to_string(i) + ".js",
                 "var v" + std::to_string(i) + " = 1;\n");
    }
  }

  // Whether a directory above the scratch one marks a project (a temp dir
  // inside a work tree): the scratch dir is then not the project's root.
  bool MarkedAbove() const {
    for (std::filesystem::path p = dir_.path().parent_path();
         p.has_parent_path(); p = p.parent_path()) {
      if (std::filesystem::exists(p / ".git") ||
          std::filesystem::exists(p / "package.json"))
        return true;
      if (p == p.parent_path()) break;
    }
    return false;
  }

  ScratchDir dir_;
};

TEST_F(ProjectRootNoteTest, ALargeFolderTakenAsTheProjectIsNamedOnce) {
  if (MarkedAbove()) GTEST_SKIP() << "the temp dir is inside a project";
  AddUnrelatedFiles(5000);
  Outcome run = Shell(dir_.path(), "{bin} --check checkout.js build.js");
  ASSERT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.out.find("checkout.js:3:10: payPal payload (built at "
                         "build.js:1:8) needs migrating"),
            std::string::npos)
      << run.out;
  size_t at = run.err.find(kNote);
  ASSERT_NE(at, std::string::npos) << run.err;
  EXPECT_EQ(run.err.find(kNote, at + 1), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("all 5002 files below it"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("--no-follow"), std::string::npos) << run.err;

  Outcome quiet = Shell(dir_.path(), "{bin} --check -q checkout.js build.js");
  EXPECT_EQ(quiet.status, 1);
  EXPECT_EQ(quiet.out, run.out);
  EXPECT_EQ(quiet.err.find(kNote), std::string::npos) << quiet.err;
}

TEST_F(ProjectRootNoteTest, AMarkedOrSmallProjectRunsWithoutTheNote) {
  Outcome small = Shell(dir_.path(), "{bin} --check checkout.js build.js");
  EXPECT_EQ(small.status, 1) << small.err;
  EXPECT_EQ(small.err.find(kNote), std::string::npos) << small.err;

  AddUnrelatedFiles(5000);
  dir_.Write("package.json", "{\"name\": \"shop\"}\n");
  Outcome marked = Shell(dir_.path(), "{bin} --check checkout.js build.js");
  EXPECT_EQ(marked.status, 1) << marked.err;
  EXPECT_EQ(marked.out, small.out);
  EXPECT_EQ(marked.err.find(kNote), std::string::npos) << marked.err;
}

}  // namespace
}  // namespace psm::testing_cli
