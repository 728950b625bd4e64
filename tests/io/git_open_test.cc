// Which safe.directory values trust a repository (hunt finding
// staged-dubious-ownership): git's `*`, which libgit2 1.5 ignores, and
// paths written with or without a trailing slash.
#include "io/git_open.h"

#include <gtest/gtest.h>

namespace psm {
namespace {

TEST(IsSafeDirectoryTest, AStarTrustsEveryRepository) {
  EXPECT_TRUE(IsSafeDirectory({"/elsewhere", "*"}, "/srv/repo"));
}

TEST(IsSafeDirectoryTest, APathTrustsThatRepositoryOnly) {
  EXPECT_TRUE(IsSafeDirectory({"/srv/repo/"}, "/srv/repo"));
  EXPECT_FALSE(IsSafeDirectory({"/srv/repo"}, "/srv/repo2"));
  EXPECT_FALSE(IsSafeDirectory({"/srv"}, "/srv/repo"));
}

TEST(IsSafeDirectoryTest, NoValuesTrustNothing) {
  EXPECT_FALSE(IsSafeDirectory({}, "/srv/repo"));
}

}  // namespace
}  // namespace psm
