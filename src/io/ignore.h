#ifndef PSM_IO_IGNORE_H_
#define PSM_IO_IGNORE_H_

#include <memory>
#include <string>
#include <vector>

struct git_repository;

namespace psm {

class BuiltinIgnore;

// Which paths a directory walk leaves out. Inside a git work tree, the
// repository's own rules decide through libgit2 (nested .gitignore files,
// negations, .git/info/exclude, the user's core.excludesFile), plus
// ripgrep-style `.ignore` files; everywhere, --exclude GLOB prunes and
// --include GLOB (when given) selects files. Globs use fnmatch(3) syntax and
// are matched against the path relative to the walk root and against the
// file name alone. Without libgit2 (not installed, or the WebAssembly
// build) the same rules are read by BuiltinIgnore.
class IgnoreRules {
 public:
  // `ignore_files`: read .gitignore/.ignore (false for --no-ignore).
  IgnoreRules(std::vector<std::string> excludes,
              std::vector<std::string> includes, bool ignore_files = true);
  ~IgnoreRules();
  IgnoreRules(const IgnoreRules&) = delete;
  IgnoreRules& operator=(const IgnoreRules&) = delete;

  // Starts a walk at directory `root` (discovers its git repository).
  void BeginRoot(const std::string& root);
  // Reads `dir/.ignore` when present (call on entering a directory).
  void EnterDirectory(const std::string& dir);

  bool IgnoresDirectory(const std::string& path) const;
  bool IgnoresFile(const std::string& path) const;
  // Only the --exclude/--include globs: for files the user named.
  bool ExcludedByGlobs(const std::string& path, bool is_dir) const;

 private:
  void BeginBuiltin(const std::string& root);
  bool GitIgnores(const std::string& path, bool is_dir) const;
  std::string RepoRelative(const std::string& path) const;

  std::vector<std::string> excludes_;
  std::vector<std::string> includes_;
  bool ignore_files_ = true;
  git_repository* repo_ = nullptr;
  std::unique_ptr<BuiltinIgnore> builtin_;  // instead of repo_, without libgit2
  std::string workdir_;                     // absolute, with a trailing slash
  std::string cwd_;
};

}  // namespace psm

#endif  // PSM_IO_IGNORE_H_
