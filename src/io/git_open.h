#ifndef PSM_IO_GIT_OPEN_H_
#define PSM_IO_GIT_OPEN_H_

#include <git2.h>

#include <string>
#include <vector>

namespace psm {

// Opens the repository around `cwd` with libgit2 (loaded: io/git_api.h),
// judging a repository owned by another user as git does. Returns
// libgit2's code (0: opened); on failure `*error` says why, naming the
// ownership check and its fix when that is what failed.
int OpenGitRepository(git_repository** repo, const std::string& cwd,
                      std::string* error);

// Whether git's safe.directory values `safe` (io/git_files.h) trust the
// repository whose work tree (or git directory) is `dir`.
bool IsSafeDirectory(const std::vector<std::string>& safe,
                     const std::string& dir);

}  // namespace psm

#endif  // PSM_IO_GIT_OPEN_H_
