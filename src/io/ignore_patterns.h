#ifndef PSM_IO_IGNORE_PATTERNS_H_
#define PSM_IO_IGNORE_PATTERNS_H_

#include <string>
#include <string_view>
#include <vector>

namespace psm {

// One line of an ignore file (gitignore(5)), parsed as libgit2 parses it.
struct IgnorePattern {
  std::string glob;            // without `!`, the leading and trailing `/`
  std::string containing_dir;  // "a/b/" for a/b/.gitignore; "" at the root
  bool negated = false;        // `!pattern`
  bool dir_only = false;       // `pattern/`
  bool full_path = false;      // has a `/`: matched against the whole path
};

// The patterns of one ignore file, in file order. `containing_dir` is the
// directory of a nested .gitignore relative to the work tree ("" for the
// root one, for .git/info/exclude and for core.excludesFile).
std::vector<IgnorePattern> ParseIgnorePatterns(
    std::string_view text, const std::string& containing_dir);

enum class IgnoreVerdict { kNoMatch, kIgnored, kIncluded };

// What the last pattern of `patterns` matching `path` (relative to the work
// tree, no trailing slash) says; directory-only patterns never match files.
IgnoreVerdict MatchIgnorePatterns(const std::vector<IgnorePattern>& patterns,
                                  std::string_view path, bool is_dir);

}  // namespace psm

#endif  // PSM_IO_IGNORE_PATTERNS_H_
