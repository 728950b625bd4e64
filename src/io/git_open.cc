#include "io/git_open.h"

#include <sys/stat.h>
#include <unistd.h>

#include <optional>

#include "io/git_api.h"
#include "io/git_files.h"

namespace psm {
namespace {

std::string WithoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.ends_with("/")) path.pop_back();
  return path;
}

// libgit2 1.5 refuses a repository owned by another user even when
// safe.directory is `*` (it matches only paths), which CI containers set
// so that git works on a checkout made by another user; and, with no
// safe.directory at all, it reports the missing setting ("config value
// 'safe.directory' was not found") instead of the ownership. So the
// setting is read here, the way git reads it, and trusted: owner
// validation is turned off (for this process) only when git would open
// the repository too.
bool GitWouldOpen(const GitLocation& repo) {
  std::vector<std::string> safe = ReadSafeDirectories();
  return IsSafeDirectory(safe, repo.work_tree) ||
         IsSafeDirectory(safe, repo.git_dir);
}

// Asked of the files rather than of libgit2's error code: with no
// safe.directory set at all, libgit2 1.5 fails with the code of the
// missing setting (GIT_ENOTFOUND), not GIT_EOWNER.
bool OwnedByAnother(const GitLocation& repo) {
  struct stat st;
  for (const std::string& path : {repo.work_tree, repo.git_dir}) {
    if (::stat(path.c_str(), &st) == 0 && st.st_uid != ::geteuid()) return true;
  }
  return false;
}

std::string OwnershipError(const GitLocation& repo) {
  return "the repository at " + repo.work_tree +
         " is owned by another user, and git's safe.directory setting does "
         "not name it (git refuses it too: see `git help config`, "
         "safe.directory); if you trust it, run: git config --global --add "
         "safe.directory " +
         repo.work_tree;
}

}  // namespace

bool IsSafeDirectory(const std::vector<std::string>& safe,
                     const std::string& dir) {
  std::string wanted = WithoutTrailingSlash(dir);
  for (const std::string& value : safe) {
    if (value == "*" || WithoutTrailingSlash(value) == wanted) return true;
  }
  return false;
}

int OpenGitRepository(git_repository** repo, const std::string& cwd,
                      std::string* error) {
  int code = Git()->git_repository_open_ext(repo, cwd.c_str(), 0, nullptr);
  if (code == 0) return 0;
  std::optional<GitLocation> location = FindGitRepository(cwd);
  if (!location || !OwnedByAnother(*location)) {
    *error = LastGitError("not inside a git repository");
    return code;
  }
  if (!GitWouldOpen(*location)) {
    *error = OwnershipError(*location);
    return code;
  }
  if (Git()->git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0) != 0) {
    *error = LastGitError(
        "the repository is owned by another user; safe.directory trusts it, "
        "but this libgit2 cannot be told to");
    return code;
  }
  code = Git()->git_repository_open_ext(repo, cwd.c_str(), 0, nullptr);
  if (code != 0) *error = LastGitError("cannot open the git repository");
  return code;
}

}  // namespace psm
