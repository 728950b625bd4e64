// Where the project model looks for other users of a payload: the project
// root found above the paths given (ProjectRootOf), as a user without a
// package.json at the root (a PHP shop) runs the tool.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e/cli_harness.h"
#include "project/module_paths.h"

namespace psm {
namespace {

namespace fs = std::filesystem;
using testing_cli::ScratchDir;
using testing_cli::Shell;

bool MarkedAbove(const fs::path& dir) {
  for (fs::path p = dir.parent_path(); p.has_parent_path();
       p = p.parent_path()) {
    if (fs::exists(p / ".git") || fs::exists(p / "package.json") ||
        fs::exists(p / "composer.json"))
      return true;
    if (p == p.parent_path()) break;
  }
  return false;
}

// A classic script keeps its payload in a global that another script of
// the page reads.
void WriteShop(const ScratchDir& dir) {
  dir.Write("web/js/pay/pay.js",
            "var dr = new DigitalRiver('pk');\n"
            "var drPayload = { type: 'wireTransfer', amount: 9, currency: "
            "'EUR' };\n"
            "dr.createSource(drPayload);\n");
  dir.Write("web/js/summary/summary.js",
            "document.title = drPayload.amount;\n");
}

TEST(ProjectRootTest, ComposerJsonMarksAPhpProjectsRoot) {
  ScratchDir dir;
  dir.Write("composer.json", "{}\n");
  dir.Write("web/js/pay/pay.js", "\n");
  EXPECT_EQ(ProjectRootOf((dir.path() / "web/js/pay").string()),
            AbsolutePath(dir.path().string()));
}

TEST(ProjectRootTest, WithoutAMarkerThePathsOwnDirectoryIsTheRoot) {
  ScratchDir dir;
  if (MarkedAbove(dir.path())) GTEST_SKIP() << "the temp dir is in a project";
  dir.Write("web/js/pay/pay.js", "\n");
  std::string pay = (dir.path() / "web/js/pay").string();
  // Not the working directory (the scratch dir here, were the tool run
  // there): a folder of many projects would all be read.
  EXPECT_EQ(ProjectRootOf(pay), AbsolutePath(pay));
}

TEST(ProjectRootTest, AReaderOutsideThePathGivenIsSeenWithComposerJson) {
  ScratchDir dir;
  if (MarkedAbove(dir.path())) GTEST_SKIP() << "the temp dir is in a project";
  WriteShop(dir);
  dir.Write("composer.json", "{}\n");
  testing_cli::Outcome run = Shell(dir.path(), "{bin} --check web/js/pay");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("web/js/summary/summary.js:1 names it"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find("needs migrating"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace psm
