#ifndef PSM_IO_IGNORE_PATTERNS_H_
#define PSM_IO_IGNORE_PATTERNS_H_

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// What an ignore file says about a path.
enum class IgnoreVerdict {
  kNone,     // no pattern matches: ask the next file
  kIgnored,  // the last matching pattern ignores it
  kKept,     // the last matching pattern is a negation (`!pattern`)
};

// The patterns of one ignore file (.gitignore, .ignore, info/exclude, the
// user's core.excludesFile), in gitignore(5) syntax: `#` comments, `!`
// negations, a trailing `/` for directories only, a slash elsewhere anchors
// the pattern to the file's directory, `**` matches any number of
// directories. Each part between slashes is matched by fnmatch(3).
//
// libgit2 has no call that matches against one file's patterns: its
// git_ignore_path_is_ignored re-reads the ignore file of every parent
// directory for every path, which made the walk 60% of a run. Loading each
// file once per directory and matching here is what ripgrep and git do.
class IgnorePatterns {
 public:
  IgnorePatterns() = default;
  IgnorePatterns(std::string_view text, bool ignore_case);

  // `path`: relative to the directory of the ignore file, no leading slash;
  // `name`: its last part.
  IgnoreVerdict Match(std::string_view path, std::string_view name,
                      bool is_dir) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::string text;                // without `!`, leading and trailing `/`
    std::vector<std::string> parts;  // anchored patterns, split at `/`
    bool negated = false;
    bool dir_only = false;
    bool anchored = false;  // matched against the whole path, not the name
    bool literal = false;   // no wildcard: compared, not fnmatch'ed
  };
  bool Matches(const Pattern& p, std::string_view path, std::string_view name,
               bool is_dir) const;
  bool MatchParts(const std::vector<std::string>& parts, size_t i,
                  const std::vector<std::string_view>& path, size_t j) const;
  bool MatchOne(const std::string& glob, std::string_view text,
                bool literal) const;

  std::vector<Pattern> patterns_;
  int flags_ = 0;  // for fnmatch
};

}  // namespace psm

#endif  // PSM_IO_IGNORE_PATTERNS_H_
