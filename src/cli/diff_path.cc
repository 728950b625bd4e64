#include "cli/diff_path.h"

#include <filesystem>

#include "io/git_files.h"

namespace psm {
namespace {

namespace fs = std::filesystem;

// `path` below `base` ("" when it is not): both absolute and normal.
std::string Below(const fs::path& path, const std::string& base) {
  if (base.empty()) return "";
  fs::path relative = path.lexically_relative(base);
  std::string name = relative.generic_string();
  if (name.empty() || name == "." || name == ".." || name.starts_with("../"))
    return "";
  return name;
}

std::string WithoutRoot(const fs::path& absolute) {
  return absolute.relative_path().generic_string();
}

}  // namespace

std::string DiffPath(const std::string& path, const std::string& cwd) {
  fs::path given(path);
  // Without a working directory (getcwd failed) a relative name can only
  // be kept as given, normalised.
  if (!given.is_absolute() && cwd.empty())
    return given.lexically_normal().generic_string();
  fs::path absolute =
      (given.is_absolute() ? given : fs::path(cwd) / given).lexically_normal();
  if (std::string name = Below(absolute, cwd); !name.empty()) return name;
  if (auto repo = FindGitRepository(cwd)) {
    if (std::string name = Below(absolute, repo->work_tree); !name.empty())
      return name;
  }
  return WithoutRoot(absolute);
}

}  // namespace psm
