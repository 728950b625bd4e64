#ifndef PSM_CLI_DIFF_PATH_H_
#define PSM_CLI_DIFF_PATH_H_

#include <string>

namespace psm {

// How the `---`/`+++` lines of --diff name `path` (as opened, relative to
// the working directory `cwd` or absolute) so that `git apply` takes the
// diff. Messages keep naming files with DisplayPath (cli/file_job.h).
//
// `git apply` reads a plain unified diff (no `diff --git` line, as ours)
// relative to the directory it runs in, and refuses any name holding a `.`
// or `..` component ("invalid path"). So the name is normalised lexically,
// and:
// - a file below `cwd` is named relative to it (`git apply` run where the
//   tool ran);
// - a file above `cwd` but in the git work tree around it is named
//   relative to the work tree's root, as `git diff` names it; the diff is
//   then applied at the root. No single name applies from `cwd` too:
//   git prefixes the subdirectory to it, and `--directory` takes no `..`.
//   A `diff --git` line would make git read the name from the root, but
//   `git apply` in a subdirectory then skips the file and still succeeds,
//   a silent loss we do not want;
// - any other file is named by its absolute path without the leading `/`,
//   as `git diff --no-index` names an absolute path (applied at `/`).
// Never empty, never starting with `/`.
std::string DiffPath(const std::string& path, const std::string& cwd);

}  // namespace psm

#endif  // PSM_CLI_DIFF_PATH_H_
