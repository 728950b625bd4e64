#ifndef PSM_IO_GIT_FILES_H_
#define PSM_IO_GIT_FILES_H_

#include <optional>
#include <string>
#include <vector>

#include "io/walk_sources.h"

namespace psm {

// Where a work tree keeps its git files, found the way git finds them but
// without libgit2, whose loading alone costs ~15 ms and some 150 system
// calls: a directory walk needs just two files and two settings from it.
struct GitLocation {
  std::string work_tree;   // absolute, no trailing slash
  std::string common_dir;  // holds info/exclude and config
  std::string git_dir;     // the work tree's own: holds its index
};

// The repository whose work tree holds the absolute directory `dir`: the
// nearest ancestor (or `dir` itself) with a `.git` directory or file.
// `sources` (optional) notes what was looked at (io/walk_sources.h), here
// and below.
std::optional<GitLocation> FindGitRepository(const std::string& dir,
                                             WalkSources* sources = nullptr);

// The repository whose work tree is `dir`, which holds a `.git` directory or
// a `.git` file ("gitdir: ...", as submodules and worktrees have).
std::optional<GitLocation> GitLocationAt(const std::string& dir,
                                         WalkSources* sources = nullptr);

// The settings that decide what git ignores.
struct IgnoreConfig {
  std::string excludes_file;  // core.excludesFile, or git's default
  bool ignore_case = false;   // core.ignoreCase
};

// Reads them from the system, global and repository configuration files, in
// git's order (later wins), following `include.path`. `includeIf` sections
// are not evaluated.
IgnoreConfig ReadIgnoreConfig(const GitLocation& repo,
                              WalkSources* sources = nullptr);

// The values of safe.directory in the system and global configuration (the
// only files git takes them from, besides `git -c`), in order, `~/`
// expanded; an empty value clears the ones before it, as in git.
std::vector<std::string> ReadSafeDirectories();

}  // namespace psm

#endif  // PSM_IO_GIT_FILES_H_
