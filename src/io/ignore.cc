#include "io/ignore.h"

#include <fnmatch.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <mutex>

#include "io/file_io.h"
#include "io/git_files.h"
#include "io/ignore_patterns.h"
#include "io/tracked_paths.h"
#include "project/absolute_path.h"

namespace psm {

// What git reads once per repository: info/exclude and core.excludesFile,
// both relative to the work tree, which lies at `where` in the walk.
// Its index is read on the first question, by whichever thread asks.
struct Repository {
  std::string where;
  bool ignore_case = false;
  IgnorePatterns exclude, global;
  std::string index_file, git_dir;
  mutable std::once_flag index_read;
  mutable TrackedPaths tracked;
};

// The rules a directory adds to its parent's; shared by the walk's threads
// and never changed once built. Directories without ignore files get none.
struct IgnoreScope {
  ScopePtr parent;
  std::string where;  // this directory, relative to the walk's base
  std::shared_ptr<const Repository> repo;
  IgnorePatterns dot_ignore, git_ignore;
  // In a directory git ignores (entered for its tracked files): git lets
  // no pattern below re-include anything.
  bool git_ignored = false;
};

namespace {

// `relative`: the path the globs are written against; the file name comes
// from it too.
bool MatchesRelative(const std::vector<std::string>& globs,
                     const std::string& relative) {
  std::string_view name = relative;
  if (size_t slash = name.rfind('/'); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string base(name);
  for (const std::string& glob : globs) {
    if (fnmatch(glob.c_str(), relative.c_str(), 0) == 0 ||
        fnmatch(glob.c_str(), base.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

bool Matches(const std::vector<std::string>& globs, const std::string& path) {
  if (globs.empty()) return false;  // most runs: no copies of every path
  return MatchesRelative(globs,
                         path.starts_with("./") ? path.substr(2) : path);
}

// A path outside `base` keeps its absolute form: only a file-name glob can
// match it.
bool MatchesAnchored(const std::vector<std::string>& globs,
                     const std::string& base, const std::string& path) {
  if (globs.empty()) return false;
  std::string absolute = AbsolutePath(path);
  std::string prefix = base == "/" ? "/" : base + "/";
  if (absolute.starts_with(prefix)) absolute.erase(0, prefix.size());
  return MatchesRelative(globs, absolute);
}

std::string Absolute(const std::string& path) {
  char buffer[PATH_MAX];
  if (::realpath(path.c_str(), buffer)) return buffer;
  return path;
}

IgnorePatterns ReadPatterns(const std::string& path, bool ignore_case,
                            WalkSources* sources) {
  NoteSource(sources, path);
  std::string text, error;
  if (!ReadWholeFile(path, &text, &error)) return {};
  return IgnorePatterns(text, ignore_case);
}

std::shared_ptr<const Repository> OpenRepository(const GitLocation& location,
                                                 const std::string& where,
                                                 WalkSources* sources) {
  IgnoreConfig config = ReadIgnoreConfig(location, sources);
  auto repo = std::make_shared<Repository>();
  repo->where = where;
  repo->ignore_case = config.ignore_case;
  repo->exclude = ReadPatterns(location.common_dir + "/info/exclude",
                               config.ignore_case, sources);
  repo->global = ReadPatterns(config.excludes_file, config.ignore_case, sources);
  repo->git_dir = location.git_dir;
  repo->index_file = location.git_dir + "/index";
  return repo;
}

bool Exists(const std::string& path, WalkSources* sources) {
  NoteSource(sources, path);
  return ::access(path.c_str(), F_OK) == 0;
}

// Which rules ignore a path: a .ignore file's apply to tracked files too
// (the user's word to this tool), git's to untracked files only.
enum class IgnoredBy { kNone, kDotIgnore, kGit };

// git's order: .ignore files (deepest first; ripgrep's, above all), then
// .gitignore files of the same repository (deepest first), then
// info/exclude, then core.excludesFile. The first that has a say decides.
IgnoredBy ScopeIgnores(const IgnoreScope* scope, std::string_view where,
                       std::string_view name, bool is_dir) {
  if (!scope) return IgnoredBy::kNone;
  auto ask = [&](const IgnorePatterns& patterns, const std::string& base) {
    if (patterns.empty()) return IgnoreVerdict::kNone;
    return patterns.Match(where.substr(base.size()), name, is_dir);
  };
  for (const IgnoreScope* s = scope; s; s = s->parent.get()) {
    IgnoreVerdict v = ask(s->dot_ignore, s->where);
    if (v != IgnoreVerdict::kNone)
      return v == IgnoreVerdict::kIgnored ? IgnoredBy::kDotIgnore
                                          : IgnoredBy::kNone;
  }
  const Repository* repo = scope->repo.get();
  if (!repo) return IgnoredBy::kNone;
  if (scope->git_ignored) return IgnoredBy::kGit;
  for (const IgnoreScope* s = scope; s && s->repo.get() == repo;
       s = s->parent.get()) {
    IgnoreVerdict v = ask(s->git_ignore, s->where);
    if (v != IgnoreVerdict::kNone)
      return v == IgnoreVerdict::kIgnored ? IgnoredBy::kGit : IgnoredBy::kNone;
  }
  IgnoreVerdict v = ask(repo->exclude, repo->where);
  if (v == IgnoreVerdict::kNone) v = ask(repo->global, repo->where);
  return v == IgnoreVerdict::kIgnored ? IgnoredBy::kGit : IgnoredBy::kNone;
}

}  // namespace

IgnoreRules::IgnoreRules(std::vector<std::string> excludes,
                         std::vector<std::string> includes, bool ignore_files,
                         AnchoredGlobs anchored)
    : excludes_(std::move(excludes)),
      includes_(std::move(includes)),
      anchored_(std::move(anchored)),
      ignore_files_(ignore_files) {
  if (!includes_.empty()) anchored_.includes.clear();
}

IgnoreRules::~IgnoreRules() = default;

IgnoreRules::Start IgnoreRules::BeginRoot(const std::string& root) const {
  if (!ignore_files_) return {};
  std::string absolute = Absolute(root);
  // A root reached through a symbolic link may lead elsewhere next time.
  if (absolute != root) NoteSource(sources_, root);
  auto seed = std::make_shared<IgnoreScope>();
  std::optional<GitLocation> location = FindGitRepository(absolute, sources_);
  if (!location) return {seed, "", false};  // .ignore files only
  seed->repo = OpenRepository(*location, "", sources_);
  const std::string& top = location->work_tree;
  if (absolute == top) return {seed, "", false};
  // The directories from the work tree's root down to `root`: their ignore
  // files apply, and any of them may be ignored (so `root` is too).
  std::string inside = absolute.substr(top == "/" ? 1 : top.size() + 1) + "/";
  ScopePtr scope = EnterDirectory(
      seed, top, "",
      {Exists(top + "/.gitignore", sources_), Exists(top + "/.ignore", sources_),
       false});
  DirectoryVerdict verdict = DirectoryVerdict::kEnter;
  for (size_t start = 0, slash;
       (slash = inside.find('/', start)) != std::string::npos;
       start = slash + 1) {
    std::string where = inside.substr(0, slash);
    std::string_view name = std::string_view(where).substr(start);
    verdict = GitVerdict(scope.get(), where, name);
    if (verdict == DirectoryVerdict::kSkip) return {scope, inside, true};
    if (slash + 1 == inside.size()) break;  // `root`: the walk enters it
    std::string dir = (top == "/" ? "" : top) + "/" + where;
    scope = EnterDirectory(
        scope, dir, where + "/",
        {Exists(dir + "/.gitignore", sources_),
         Exists(dir + "/.ignore", sources_), false},
        verdict == DirectoryVerdict::kTrackedOnly);
  }
  return {scope, inside, false, verdict == DirectoryVerdict::kTrackedOnly};
}

ScopePtr IgnoreRules::EnterDirectory(const ScopePtr& parent,
                                     const std::string& dir,
                                     const std::string& where,
                                     DirectoryMarks marks,
                                     bool tracked_only) const {
  if (!ignore_files_ || !parent) return parent;
  // A `.git` below the repository's own root starts another repository (a
  // submodule): the outer .gitignore files stop applying there, as in git.
  bool nested = marks.git && (!parent->repo || where != parent->repo->where);
  bool reads_gitignore = marks.gitignore && (parent->repo || nested);
  if (!nested && !marks.ignore && !reads_gitignore && !tracked_only)
    return parent;
  auto scope = std::make_shared<IgnoreScope>();
  scope->parent = parent;
  scope->where = where;
  scope->repo = parent->repo;
  scope->git_ignored = !nested && (tracked_only || parent->git_ignored);
  if (nested) {
    if (std::optional<GitLocation> location = GitLocationAt(dir, sources_))
      scope->repo = OpenRepository(*location, where, sources_);
  }
  bool ignore_case = scope->repo && scope->repo->ignore_case;
  if (marks.ignore)
    scope->dot_ignore = ReadPatterns(dir + "/.ignore", ignore_case, sources_);
  if (marks.gitignore && scope->repo)
    scope->git_ignore =
        ReadPatterns(dir + "/.gitignore", ignore_case, sources_);
  return scope;
}

bool IgnoreRules::ExcludedByGlobs(const std::string& path, bool is_dir) const {
  if (Matches(excludes_, path) ||
      MatchesAnchored(anchored_.excludes, anchored_.base, path))
    return true;
  if (is_dir) return false;
  if (!includes_.empty()) return !Matches(includes_, path);
  return !anchored_.includes.empty() &&
         !MatchesAnchored(anchored_.includes, anchored_.base, path);
}

bool IgnoreRules::Tracks(const IgnoreScope* scope,
                         std::string_view where) const {
  const Repository& repo = *scope->repo;
  std::call_once(repo.index_read, [&] {
    NoteSource(sources_, repo.index_file);
    repo.tracked = TrackedPaths::Read(repo.index_file, repo.git_dir);
  });
  where.remove_prefix(repo.where.size());
  return where.ends_with('/') ? repo.tracked.HasUnder(where)
                              : repo.tracked.Has(where);
}

DirectoryVerdict IgnoreRules::GitVerdict(const IgnoreScope* scope,
                                         std::string_view where,
                                         std::string_view name) const {
  switch (ScopeIgnores(scope, where, name, true)) {
    case IgnoredBy::kNone:
      return DirectoryVerdict::kEnter;
    case IgnoredBy::kDotIgnore:
      return DirectoryVerdict::kSkip;
    case IgnoredBy::kGit:
      break;
  }
  // Asked only of ignored directories: most walks never read the index.
  return Tracks(scope, std::string(where) + "/")
             ? DirectoryVerdict::kTrackedOnly
             : DirectoryVerdict::kSkip;
}

DirectoryVerdict IgnoreRules::JudgeDirectory(const IgnoreScope* scope,
                                             std::string_view where,
                                             std::string_view name,
                                             const std::string& path) const {
  if (ExcludedByGlobs(path, true)) return DirectoryVerdict::kSkip;
  return GitVerdict(scope, where, name);
}

bool IgnoreRules::IgnoresFile(const IgnoreScope* scope, std::string_view where,
                              std::string_view name,
                              const std::string& path) const {
  if (ExcludedByGlobs(path, false)) return true;
  switch (ScopeIgnores(scope, where, name, false)) {
    case IgnoredBy::kNone:
      return false;
    case IgnoredBy::kDotIgnore:
      return true;
    case IgnoredBy::kGit:
      break;
  }
  return !Tracks(scope, where);
}

}  // namespace psm
