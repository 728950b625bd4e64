// Where the project model looks for other users of a payload: the project
// root found above the paths given (ProjectRootOf), as a user without a
// package.json at the root (a PHP shop) runs the tool.
#include <gtest/gtest.h>

#include <cstdlib>
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

// A Magento module's own composer.json (or a workspace package's
// package.json) inside a repository: the repository is the project, as the
// page that loads the module's scripts loads the other modules' too.
TEST(ProjectRootTest, APackageInsideAWorkTreeBelongsToTheWorkTree) {
  ScratchDir dir;
  if (MarkedAbove(dir.path())) GTEST_SKIP() << "the temp dir is in a project";
  dir.Write("composer.json", "{}\n");
  dir.Write(".git/HEAD", "ref: refs/heads/main\n");
  dir.Write("app/code/Acme/Pay/composer.json", "{}\n");
  dir.Write("app/code/Acme/Pay/view/web/js/pay.js", "\n");
  EXPECT_EQ(
      ProjectRootOf((dir.path() / "app/code/Acme/Pay/view/web/js").string()),
      AbsolutePath(dir.path().string()));
  // Without a work tree around it, the package is its own project.
  ScratchDir alone;
  if (MarkedAbove(alone.path())) GTEST_SKIP();
  alone.Write("app/code/Acme/Pay/composer.json", "{}\n");
  alone.Write("app/code/Acme/Pay/view/web/js/pay.js", "\n");
  EXPECT_EQ(
      ProjectRootOf((alone.path() / "app/code/Acme/Pay/view/web/js").string()),
      AbsolutePath((alone.path() / "app/code/Acme/Pay").string()));
}

// A dotfiles repository in the home directory does not make all of it the
// project of every package below.
TEST(ProjectRootTest, AWorkTreeAtHomeDoesNotSwallowThePackagesBelow) {
  ScratchDir home;
  if (MarkedAbove(home.path())) GTEST_SKIP() << "the temp dir is in a project";
  home.Write(".git/HEAD", "ref: refs/heads/main\n");
  home.Write("shop/package.json", "{}\n");
  home.Write("shop/src/pay.js", "\n");
  const char* saved = std::getenv("HOME");
  std::string before = saved ? saved : "";
  setenv("HOME", home.path().c_str(), 1);
  std::string root = ProjectRootOf((home.path() / "shop/src").string());
  setenv("HOME", before.c_str(), 1);
  EXPECT_EQ(root, AbsolutePath((home.path() / "shop").string()));
}

}  // namespace
}  // namespace psm
