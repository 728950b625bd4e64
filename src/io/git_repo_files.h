#ifndef PSM_IO_GIT_REPO_FILES_H_
#define PSM_IO_GIT_REPO_FILES_H_

#include <optional>
#include <string>

namespace psm {

// Where a git work tree keeps the ignore rules that are not .gitignore
// files, found the way libgit2 finds them, for when libgit2 is absent (a
// machine without it, the WebAssembly build).
struct GitRepoFiles {
  std::string workdir;        // absolute, with a trailing slash
  std::string info_exclude;   // <common git dir>/info/exclude
  std::string excludes_file;  // core.excludesFile or the XDG default; or ""
};

// The non-bare repository whose work tree holds directory `dir`: `.git`
// (a directory, or a file saying `gitdir: ...` for worktrees and
// submodules) in `dir` or the nearest ancestor that has one.
std::optional<GitRepoFiles> FindGitRepoFiles(const std::string& dir);

}  // namespace psm

#endif  // PSM_IO_GIT_REPO_FILES_H_
