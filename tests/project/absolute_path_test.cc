// AbsolutePath's plain form (no std::filesystem for the walk's paths) must
// give what the filesystem form gives, for every shape of path.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "project/absolute_path.h"

namespace psm {
namespace {

namespace fs = std::filesystem;

std::string FilesystemForm(const std::string& path) {
  fs::path given(path);
  std::string absolute =
      (given.is_absolute() ? given : fs::current_path() / given)
          .lexically_normal()
          .string();
  if (absolute.size() > 1 && absolute.ends_with('/')) absolute.pop_back();
  return absolute;
}

TEST(AbsolutePathTest, AgreesWithTheFilesystemForm) {
  for (std::string path :
       {"a.js", "./a.js", "././a.js", "dir/a.js", "./dir/sub/a.js",
        "/abs/dir/a.js", "/a.js", "dir/../a.js", "./dir/./a.js",
        "dir//a.js", ".//a.js", "dir/", "./", ".", "..", "../a.js",
        "/abs/../a.js", "/abs/./a.js", "//abs/a.js", "/abs/dir/",
        "/", "dir/..", "a:b.js", "dir\\a.js", "..a.js", ".a/.b.js",
        "dir/.../a.js"}) {
    EXPECT_EQ(AbsolutePath(path), FilesystemForm(path)) << path;
  }
}

TEST(AbsolutePathTest, JoinsTheWorkingDirectory) {
  std::string cwd = fs::current_path().string();
  EXPECT_EQ(AbsolutePath("./m0001/v000001.js"), cwd + "/m0001/v000001.js");
  EXPECT_EQ(AbsolutePath("/srv/shop/a.js"), "/srv/shop/a.js");
}

}  // namespace
}  // namespace psm
