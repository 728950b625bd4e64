#ifndef PSM_IO_BUILTIN_IGNORE_H_
#define PSM_IO_BUILTIN_IGNORE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/git_repo_files.h"
#include "io/ignore_patterns.h"

namespace psm {

// Answers "is this path ignored?" as libgit2's git_ignore_path_is_ignored
// does, from the files themselves: for a machine without libgit2 and for
// the WebAssembly build, so that a walk takes the same files everywhere.
// Precedence, first match deciding: rules added with AddRules (the
// `.ignore` files), then each .gitignore from the path's own directory up
// to the root, then .git/info/exclude, then core.excludesFile. A match of
// a negated pattern moves on to the parent directory, so (as in git) a
// file inside an ignored directory cannot be re-included.
// Not thread-safe: .gitignore files are read and cached on first use.
class BuiltinIgnore {
 public:
  explicit BuiltinIgnore(GitRepoFiles files);

  const std::string& workdir() const { return files_.workdir; }
  // Rules rooted at the work tree, like git_ignore_add_rule.
  void AddRules(std::string_view rules);
  // `path` relative to the work tree, without a trailing slash.
  bool IsIgnored(std::string_view path, bool is_dir);

 private:
  const std::vector<IgnorePattern>& GitignoreOf(const std::string& dir);

  GitRepoFiles files_;
  std::vector<IgnorePattern> added_;
  std::vector<IgnorePattern> info_exclude_;
  std::vector<IgnorePattern> excludes_file_;
  std::map<std::string, std::vector<IgnorePattern>> gitignores_;  // by dir
};

}  // namespace psm

#endif  // PSM_IO_BUILTIN_IGNORE_H_
