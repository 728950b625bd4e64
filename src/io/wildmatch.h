#ifndef PSM_IO_WILDMATCH_H_
#define PSM_IO_WILDMATCH_H_

#include <string_view>

namespace psm {

// Git's glob dialect (wildmatch), as .gitignore patterns use it: `*`, `?`,
// `[...]` with ranges, `!`/`^` negation and `[:class:]`, `\` escapes. With
// `pathname`, wildcards do not match `/` and `**` between slashes (or at
// either end) matches any number of directories, `**/` also none; without
// it, `*` matches `/` too. Written to give the answers libgit2 gives, so a
// walk honours .gitignore the same with or without libgit2.
bool WildMatch(std::string_view pattern, std::string_view text, bool pathname);

}  // namespace psm

#endif  // PSM_IO_WILDMATCH_H_
