#include "io/walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "io/ignore.h"
#include "syntax/language.h"

namespace psm {
namespace {

bool SkippedDirectory(const char* name) {
  return std::strcmp(name, "node_modules") == 0 ||
         std::strcmp(name, ".git") == 0 || std::strcmp(name, ".hg") == 0 ||
         std::strcmp(name, ".svn") == 0;
}

std::string Join(const std::string& dir, const char* name) {
  if (dir == ".") return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// Depth-first walk with an explicit stack, so deep trees cannot overflow
// the call stack. d_type avoids a stat() per entry on most file systems.
void Walk(const std::string& root, IgnoreRules* ignore, WalkResult* out) {
  if (ignore) ignore->BeginRoot(root);
  std::vector<std::string> pending = {root};
  while (!pending.empty()) {
    std::string dir = std::move(pending.back());
    pending.pop_back();
    if (ignore) ignore->EnterDirectory(dir);
    DIR* handle = ::opendir(dir.c_str());
    if (!handle) {
      // The run goes on, but the exit status must say something was skipped.
      out->problems.push_back({dir,
                               std::string("cannot open directory: ") +
                                   std::strerror(errno) + "; skipped",
                               true});
      continue;
    }
    while (dirent* entry = ::readdir(handle)) {
      const char* name = entry->d_name;
      if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
      unsigned char type = entry->d_type;
      std::string path = Join(dir, name);
      if (type == DT_UNKNOWN) {
        struct stat st;
        if (::lstat(path.c_str(), &st) != 0) continue;
        type = S_ISDIR(st.st_mode)   ? DT_DIR
               : S_ISREG(st.st_mode) ? DT_REG
                                     : DT_LNK;
      }
      if (type == DT_DIR) {
        if (!SkippedDirectory(name) &&
            !(ignore && ignore->IgnoresDirectory(path))) {
          pending.push_back(std::move(path));
        }
      } else if (type == DT_REG && IsMigratableExtension(name) &&
                 !(ignore && ignore->IgnoresFile(path))) {
        out->files.push_back(std::move(path));
      }
    }
    ::closedir(handle);
  }
}

}  // namespace

WalkResult CollectFiles(const std::vector<std::string>& paths,
                        IgnoreRules* ignore) {
  WalkResult result;
  for (const std::string& path : paths) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      result.problems.push_back({path, std::strerror(errno), true});
    } else if (S_ISDIR(st.st_mode)) {
      Walk(path, ignore, &result);
    } else if (!(ignore && ignore->ExcludedByGlobs(path, false))) {
      result.files.push_back(path);
    }
  }
  std::sort(result.files.begin(), result.files.end());
  result.files.erase(std::unique(result.files.begin(), result.files.end()),
                     result.files.end());
  return result;
}

}  // namespace psm
