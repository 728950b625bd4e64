#include "io/ignore.h"

#include <fnmatch.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>

#include "io/builtin_ignore.h"
#include "io/git_api.h"

namespace psm {
namespace {

bool Matches(const std::vector<std::string>& globs, const std::string& path) {
  std::string_view name = path;
  if (size_t slash = name.rfind('/'); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string base(name);
  std::string relative = path.starts_with("./") ? path.substr(2) : path;
  for (const std::string& glob : globs) {
    if (fnmatch(glob.c_str(), relative.c_str(), 0) == 0 ||
        fnmatch(glob.c_str(), base.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

std::string Absolute(const std::string& path) {
  char buffer[PATH_MAX];
  if (::realpath(path.c_str(), buffer)) return buffer;
  return path;
}

// A rule from `dir/.ignore` rewritten relative to the repository root.
std::string RootedRule(const std::string& dir, std::string rule) {
  bool negated = !rule.empty() && rule[0] == '!';
  if (negated) rule.erase(0, 1);
  std::string trimmed = rule;
  while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
  bool anchored = trimmed.find('/') != std::string::npos;
  if (!rule.empty() && rule[0] == '/') rule.erase(0, 1);
  std::string rooted =
      dir.empty() ? rule : dir + (anchored ? "/" : "/**/") + rule;
  return (negated ? "!" : "") + rooted;
}

// Whether `root` may lie in a git work tree: a `.git` (directory, or file
// for worktrees and submodules) in it or an ancestor, or $GIT_DIR set.
// Loading and initialising libgit2 costs some 13 ms (it reads the system's
// TLS certificates), so a walk outside any repository skips it.
bool MayBeInGitWorkTree(const std::string& root) {
  if (std::getenv("GIT_DIR")) return true;
  std::string dir = Absolute(root);
  for (;;) {
    if (::access((dir + "/.git").c_str(), F_OK) == 0) return true;
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos || dir.size() <= 1) return false;
    dir.resize(slash == 0 ? 1 : slash);
    if (dir == "/") return ::access("/.git", F_OK) == 0;
  }
}

}  // namespace

IgnoreRules::IgnoreRules(std::vector<std::string> excludes,
                         std::vector<std::string> includes, bool ignore_files)
    : excludes_(std::move(excludes)),
      includes_(std::move(includes)),
      ignore_files_(ignore_files) {
  char buffer[PATH_MAX];
  if (::getcwd(buffer, sizeof buffer)) cwd_ = buffer;
}

IgnoreRules::~IgnoreRules() {
  if (repo_) {
    Git()->git_repository_free(repo_);
    Git()->git_libgit2_shutdown();
  }
}

void IgnoreRules::BeginRoot(const std::string& root) {
  // One repository per run: the first root's.
  if (repo_ || builtin_ || !ignore_files_ || !MayBeInGitWorkTree(root)) return;
  if (!Git()) return BeginBuiltin(root);
  Git()->git_libgit2_init();
  if (Git()->git_repository_open_ext(&repo_, root.c_str(), 0, nullptr) != 0 ||
      Git()->git_repository_is_bare(repo_)) {
    if (repo_) Git()->git_repository_free(repo_);
    repo_ = nullptr;
    Git()->git_libgit2_shutdown();
    return;
  }
  workdir_ = Absolute(Git()->git_repository_workdir(repo_));
  if (!workdir_.empty() && workdir_.back() != '/') workdir_ += '/';
}

void IgnoreRules::BeginBuiltin(const std::string& root) {
  std::optional<GitRepoFiles> files = FindGitRepoFiles(root);
  if (!files) return;
  builtin_ = std::make_unique<BuiltinIgnore>(std::move(*files));
  workdir_ = builtin_->workdir();
}

void IgnoreRules::EnterDirectory(const std::string& dir) {
  if (!repo_ && !builtin_) return;
  std::ifstream in(dir + "/.ignore");
  if (!in) return;
  std::string prefix = RepoRelative(dir);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  std::string rules;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    rules += RootedRule(prefix, line) + "\n";
  }
  if (builtin_) {
    builtin_->AddRules(rules);
  } else {
    Git()->git_ignore_add_rule(repo_, rules.c_str());
  }
}

std::string IgnoreRules::RepoRelative(const std::string& path) const {
  std::string absolute = path.starts_with("/") ? path : cwd_ + "/" + path;
  // Normalise "./" and "dir/./x" that the walk may produce.
  for (size_t at; (at = absolute.find("/./")) != std::string::npos;)
    absolute.erase(at, 2);
  if (absolute.ends_with("/.")) absolute.resize(absolute.size() - 2);
  if (absolute.starts_with(workdir_)) return absolute.substr(workdir_.size());
  std::string real = Absolute(path);
  if ((real + "/").starts_with(workdir_))
    return real.size() < workdir_.size() ? "" : real.substr(workdir_.size());
  return "";
}

bool IgnoreRules::GitIgnores(const std::string& path, bool is_dir) const {
  if (!repo_ && !builtin_) return false;
  std::string relative = RepoRelative(path);
  if (relative.empty()) return false;  // the root itself, or outside the repo
  if (builtin_) return builtin_->IsIgnored(relative, is_dir);
  if (is_dir) relative += '/';
  int ignored = 0;
  if (Git()->git_ignore_path_is_ignored(&ignored, repo_, relative.c_str()) != 0)
    return false;
  return ignored != 0;
}

bool IgnoreRules::ExcludedByGlobs(const std::string& path, bool is_dir) const {
  if (Matches(excludes_, path)) return true;
  return !is_dir && !includes_.empty() && !Matches(includes_, path);
}

bool IgnoreRules::IgnoresDirectory(const std::string& path) const {
  return ExcludedByGlobs(path, true) || GitIgnores(path, true);
}

bool IgnoreRules::IgnoresFile(const std::string& path) const {
  return ExcludedByGlobs(path, false) || GitIgnores(path, false);
}

}  // namespace psm
