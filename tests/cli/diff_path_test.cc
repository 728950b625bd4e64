// The names --diff writes in its `---`/`+++` lines (hunt finding
// diff-path-not-normalized): `git apply` refuses `.` and `..` components
// and reads `a//x` as an absolute name. These working directories hold no
// git repository (nor does any ancestor), so no name is taken from one.
#include "cli/diff_path.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(DiffPathTest, DropsDotComponents) {
  EXPECT_EQ(DiffPath("./shared/./checkout.js", "/no-repo/w"),
            "shared/checkout.js");
}

TEST(DiffPathTest, ResolvesDotDotThatStaysBelowTheWorkingDirectory) {
  EXPECT_EQ(DiffPath("web/../shared/checkout.js", "/no-repo/w"),
            "shared/checkout.js");
  EXPECT_EQ(DiffPath("/no-repo/w/web/../shared/checkout.js", "/no-repo/w"),
            "shared/checkout.js");
}

TEST(DiffPathTest, NamesAFileBelowTheRootWithoutADoubledSlash) {
  EXPECT_EQ(DiffPath("/tmp/x/a.js", "/"), "tmp/x/a.js");
}

TEST(DiffPathTest, NamesAFileAboveTheWorkingDirectoryByItsAbsolutePath) {
  EXPECT_EQ(DiffPath("../shared/checkout.js", "/no-repo/w/web"),
            "no-repo/w/shared/checkout.js");
  EXPECT_EQ(DiffPath("/elsewhere/a.js", "/no-repo/w"), "elsewhere/a.js");
}

TEST(DiffPathTest, KeepsARelativeNameWhenTheWorkingDirectoryIsUnknown) {
  EXPECT_EQ(DiffPath("./web/../a.js", ""), "a.js");
}

}  // namespace
}  // namespace psm
