#ifndef PSM_IO_IGNORE_H_
#define PSM_IO_IGNORE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/anchored_globs.h"
#include "io/walk_sources.h"

namespace psm {

struct IgnoreScope;  // the rules in force in one directory (io/ignore.cc)
using ScopePtr = std::shared_ptr<const IgnoreScope>;

// The ignore files a directory holds, as its listing shows: only those
// present are opened (no failing open per directory).
struct DirectoryMarks {
  bool gitignore = false;  // .gitignore
  bool ignore = false;     // .ignore
  bool git = false;        // .git: a repository (a submodule) starts here
};

// What a walk does with a directory: enters it, passes it by, or (git
// ignores it, but its index tracks files below it) enters it for those
// tracked files alone.
enum class DirectoryVerdict { kEnter, kSkip, kTrackedOnly };

// Which paths a directory walk leaves out. Inside a git work tree, git's
// rules decide, as `git ls-files --others --exclude-standard` applies them:
// nested .gitignore files (deeper ones first), negations, .git/info/exclude,
// the user's core.excludesFile, core.ignoreCase; a submodule or nested
// repository has its own. Everywhere, ripgrep-style `.ignore` files (which
// win over .gitignore), --exclude GLOB prunes and --include GLOB (when given)
// selects files. A directory inside an ignored one is ignored: the walk
// never enters it. Git ignores untracked files only: a file its index
// tracks is walked whatever .gitignore says (the index is read once per
// repository, and only when something is ignored; io/tracked_paths.h). Globs use fnmatch(3) syntax and are matched against the
// path as the walk names it (without `./`) and against the file name alone;
// anchored globs (a config file's) against the path relative to their base.
//
// Each directory's ignore files are read once, by the thread that lists the
// directory, into an immutable scope the threads share; a decision then
// looks only at in-memory patterns.
class IgnoreRules {
 public:
  // `ignore_files`: read .gitignore/.ignore (false for --no-ignore).
  // `anchored` adds a config file's globs; its includes count only when
  // `includes` is empty (the command line's replace them).
  IgnoreRules(std::vector<std::string> excludes,
              std::vector<std::string> includes, bool ignore_files = true,
              AnchoredGlobs anchored = {});
  ~IgnoreRules();
  IgnoreRules(const IgnoreRules&) = delete;
  IgnoreRules& operator=(const IgnoreRules&) = delete;

  // Where a walk of directory `root` starts: the rules of its repository and
  // of the directories between the repository's root and `root`.
  struct Start {
    ScopePtr scope;        // the rules above `root` (null: none)
    std::string where;     // `root` relative to its repository, with a '/'
    bool ignored = false;  // `root` itself lies in an ignored directory
    // `root` is git-ignored but holds tracked files: walk only those.
    bool tracked_only = false;
  };
  Start BeginRoot(const std::string& root) const;

  // The rules inside `dir` (a walk path), which lies at `where` (relative to
  // the repository, with a trailing '/') under `parent`'s rules;
  // `tracked_only`: `dir` was judged kTrackedOnly.
  ScopePtr EnterDirectory(const ScopePtr& parent, const std::string& dir,
                          const std::string& where, DirectoryMarks marks,
                          bool tracked_only = false) const;

  // `where`: the entry's path relative to the repository (see Start);
  // `path`: its walk path, for the globs.
  DirectoryVerdict JudgeDirectory(const IgnoreScope* scope,
                                  std::string_view where,
                                  std::string_view name,
                                  const std::string& path) const;
  bool IgnoresFile(const IgnoreScope* scope, std::string_view where,
                   std::string_view name, const std::string& path) const;
  // Only the --exclude/--include globs: for files the user named.
  bool ExcludedByGlobs(const std::string& path, bool is_dir) const;

  // From now on, every file these rules read or look for is noted in
  // `sources` (io/walk_sources.h); null: none.
  void NoteSourcesIn(WalkSources* sources) { sources_ = sources; }

 private:
  // What the ignore files say of a directory, the globs aside.
  DirectoryVerdict GitVerdict(const IgnoreScope* scope, std::string_view where,
                              std::string_view name) const;
  // Whether the repository of `scope` tracks `where` (with a trailing '/':
  // anything below it).
  bool Tracks(const IgnoreScope* scope, std::string_view where) const;

  std::vector<std::string> excludes_;
  std::vector<std::string> includes_;
  AnchoredGlobs anchored_;
  bool ignore_files_ = true;
  WalkSources* sources_ = nullptr;
};

}  // namespace psm

#endif  // PSM_IO_IGNORE_H_
