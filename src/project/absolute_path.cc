// AbsolutePath: the absolute, normalised form of a path, as the project
// model keys its files.

#include "project/absolute_path.h"

#include <filesystem>
#include <string_view>

namespace psm {
namespace {

namespace fs = std::filesystem;

// The working directory, read once: the tool never changes it, and
// fs::absolute asks the kernel (getcwd) on every call, ~1% of a dense run.
const fs::path& WorkingDirectory() {
  static const fs::path cwd = [] {
    std::error_code ec;
    return fs::current_path(ec);
  }();
  return cwd;
}

// Whether `path` is already in normal form for joining: no empty, `.` or
// `..` component, no backslash or colon (a Windows separator or drive).
bool IsNormalRelative(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  size_t begin = 0;
  while (begin < path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(begin, end - begin);
    if (part.empty() || part == "." || part == ".." ||
        part.find_first_of("\\:") != std::string_view::npos)
      return false;
    begin = end + 1;
    if (end + 1 == path.size()) return false;  // a trailing slash
  }
  return true;
}

// AbsolutePath without std::filesystem for what the walk hands out
// (`./dir/file.js`, `dir/file.js`, an absolute path of plain components):
// a run whose project model is asked builds the absolute path of every
// walked file, and the filesystem form took 12% of a run over 60,000 small
// modules (issue 14). Empty when the slow form must decide.
std::string PlainAbsolutePath(const std::string& path) {
  static const std::string cwd = WorkingDirectory().string();
  static const bool plain_cwd =
      cwd.starts_with('/') && cwd.find_first_of("\\:") == std::string::npos;
  std::string_view rest = path;
  bool absolute = !rest.empty() && rest.front() == '/';
  if (absolute) {
    rest.remove_prefix(1);
    if (rest.empty()) return {};
  } else {
    while (rest.starts_with("./")) rest.remove_prefix(2);
    if (!plain_cwd || cwd.back() == '/') return {};  // "/", Windows, unknown
  }
  if (!IsNormalRelative(rest)) return {};
  std::string out;
  out.reserve((absolute ? 1 : cwd.size() + 1) + rest.size());
  out += absolute ? std::string_view("/") : std::string_view(cwd);
  if (!absolute) out += '/';
  out += rest;
  return out;
}

}  // namespace

std::string AbsolutePath(const std::string& path) {
  if (std::string plain = PlainAbsolutePath(path); !plain.empty())
    return plain;
  fs::path given(path);
  std::string absolute = (given.is_absolute() || WorkingDirectory().empty()
                              ? given
                              : WorkingDirectory() / given)
                             .lexically_normal()
                             .string();
  if (absolute.size() > 1 && absolute.ends_with('/')) absolute.pop_back();
  return absolute;  // `.` normalises to "dir/"
}

}  // namespace psm
