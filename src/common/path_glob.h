#ifndef PSM_COMMON_PATH_GLOB_H_
#define PSM_COMMON_PATH_GLOB_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psm {

// A glob over relative paths with `/` separators, as the config file's
// per-path settings use it: `*`, `?` and `[...]` within one path part (as
// fnmatch(3) without FNM_PATHNAME's help, so they never cross a `/`), and
// `**` as a whole part for any number of parts (none included). The glob
// is anchored: it must match the whole path (`**/*.ts` for any depth).
class PathGlob {
 public:
  // The glob, or why it is not one: empty, absolute, `.`/`..` parts, an
  // unclosed `[`, or `**` beside other characters in a part.
  static std::optional<PathGlob> Parse(std::string_view text,
                                       std::string* error);

  bool Matches(std::string_view path) const;

  // Specificity, compared in order: the longer literal prefix (characters
  // before the first wildcard) wins; then the fewer wildcards (`*`, `?` and
  // `[...]` count one, `**` two); then the longer glob. Two globs equal on all
  // three are ordered by their text.
  bool MoreSpecificThan(const PathGlob& other) const;

  const std::string& text() const { return text_; }

 private:
  bool MatchParts(size_t i, const std::vector<std::string_view>& path,
                  size_t j) const;

  std::string text_;
  std::vector<std::string> parts_;
  size_t literal_prefix_ = 0;
  size_t wildcards_ = 0;
};

}  // namespace psm

#endif  // PSM_COMMON_PATH_GLOB_H_
